import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { build, WEB_DEPLOYMENT, writeTree } from './tree.js';

/** Expected output recorded from kubectl v1.32.4 `kubectl kustomize DIR` on the same files. */
describe('kustomize overlays and transformers', () => {
  it('applies labels entries, images, replicas and the namespace to a Namespace', async () => {
    const dir = writeTree({
      'kustomization.yaml': `namespace: newns
namePrefix: p-
resources:
- res.yaml
labels:
- pairs:
    team: a
- pairs:
    tier: db
  includeSelectors: true
- pairs:
    tmpl: "on"
  includeTemplates: true
images:
- name: busybox
  newTag: "1.37"
- name: localhost:5000/nginx
  digest: sha256:def
- name: postgres
  newName: my/postgres
replicas:
- name: db
  count: 2
`,
      'res.yaml': `apiVersion: v1
kind: Namespace
metadata:
  name: old
---
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata:
  name: reader
---
apiVersion: batch/v1
kind: CronJob
metadata:
  name: cj
spec:
  schedule: "* * * * *"
  jobTemplate:
    spec:
      template:
        spec:
          restartPolicy: Never
          containers:
          - name: c
            image: busybox
          initContainers:
          - name: i
            image: docker.io/library/busybox:1.36@sha256:abc
---
apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  containers:
  - name: c
    image: localhost:5000/nginx:1.0
---
apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: db
spec:
  selector:
    matchLabels:
      app: db
  template:
    metadata:
      labels:
        app: db
    spec:
      containers:
      - name: c
        image: postgres
`,
    });
    expect(await build(join(dir, '.'))).toBe(`apiVersion: v1
kind: Namespace
metadata:
  labels:
    team: a
    tier: db
    tmpl: "on"
  name: newns
---
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata:
  labels:
    team: a
    tier: db
    tmpl: "on"
  name: p-reader
---
apiVersion: apps/v1
kind: StatefulSet
metadata:
  labels:
    team: a
    tier: db
    tmpl: "on"
  name: p-db
  namespace: newns
spec:
  replicas: 2
  selector:
    matchLabels:
      app: db
      tier: db
  template:
    metadata:
      labels:
        app: db
        tier: db
        tmpl: "on"
    spec:
      containers:
      - image: my/postgres
        name: c
---
apiVersion: batch/v1
kind: CronJob
metadata:
  labels:
    team: a
    tier: db
    tmpl: "on"
  name: p-cj
  namespace: newns
spec:
  jobTemplate:
    metadata:
      labels:
        tier: db
        tmpl: "on"
    spec:
      template:
        metadata:
          labels:
            tier: db
            tmpl: "on"
        spec:
          containers:
          - image: busybox:1.37
            name: c
          initContainers:
          - image: docker.io/library/busybox:1.36@sha256:abc
            name: i
          restartPolicy: Never
  schedule: '* * * * *'
---
apiVersion: v1
kind: Pod
metadata:
  labels:
    team: a
    tier: db
    tmpl: "on"
  name: p-p
  namespace: newns
spec:
  containers:
  - image: localhost:5000/nginx@sha256:def
    name: c
`);
  });

  it('builds an overlay over a base with patches, an HPA and an Ingress', async () => {
    const dir = writeTree({
      'base/deployment.yaml': WEB_DEPLOYMENT,
      'base/kustomization.yaml': `resources:
- deployment.yaml
- service.yaml
configMapGenerator:
- name: web-config
  literals:
  - MODE=base
secretGenerator:
- name: web-secret
  literals:
  - token=abc
`,
      'base/service.yaml': `apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  selector:
    app: web
  ports:
  - port: 80
    targetPort: 80
`,
      'overlays/prod/hpa.yaml': `apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata:
  name: web
spec:
  scaleTargetRef:
    apiVersion: apps/v1
    kind: Deployment
    name: web
  minReplicas: 2
  maxReplicas: 5
---
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: web
spec:
  rules:
  - http:
      paths:
      - path: /
        pathType: Prefix
        backend:
          service:
            name: web
            port:
              number: 80
`,
      'overlays/prod/kustomization.yaml': `apiVersion: kustomize.config.k8s.io/v1beta1
kind: Kustomization
namespace: prod
namePrefix: prod-
resources:
- ../../base
- hpa.yaml
labels:
- pairs:
    env: prod
  includeSelectors: true
patches:
- path: patch-resources.yaml
- target:
    kind: Deployment
    name: web
  patch: |-
    - op: replace
      path: /spec/replicas
      value: 4
    - op: add
      path: /metadata/annotations
      value:
        patched: "yes"
- target:
    kind: Service
  patch: |-
    apiVersion: v1
    kind: Service
    metadata:
      name: ignored
    spec:
      type: NodePort
configMapGenerator:
- name: prod-extra
  files:
  - patch-resources.yaml
images:
- name: nginx
  digest: sha256:0123abcd
`,
      'overlays/prod/patch-resources.yaml': `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  template:
    spec:
      containers:
      - name: nginx
        resources:
          limits:
            memory: 256Mi
        env:
        - name: EXTRA
          value: "1"
`,
    });
    expect(await build(join(dir, 'overlays/prod'))).toBe(`apiVersion: v1
data:
  patch-resources.yaml: |
    apiVersion: apps/v1
    kind: Deployment
    metadata:
      name: web
    spec:
      template:
        spec:
          containers:
          - name: nginx
            resources:
              limits:
                memory: 256Mi
            env:
            - name: EXTRA
              value: "1"
kind: ConfigMap
metadata:
  labels:
    env: prod
  name: prod-prod-extra-m8gt2kkkkk
  namespace: prod
---
apiVersion: v1
data:
  MODE: base
kind: ConfigMap
metadata:
  labels:
    env: prod
  name: prod-web-config-btf6f9dc9c
  namespace: prod
---
apiVersion: v1
data:
  token: YWJj
kind: Secret
metadata:
  labels:
    env: prod
  name: prod-web-secret-dbdgd77ct8
  namespace: prod
type: Opaque
---
apiVersion: v1
kind: Service
metadata:
  labels:
    env: prod
  name: prod-web
  namespace: prod
spec:
  ports:
  - port: 80
    targetPort: 80
  selector:
    app: web
    env: prod
  type: NodePort
---
apiVersion: apps/v1
kind: Deployment
metadata:
  annotations:
    patched: "yes"
  labels:
    app: web
    env: prod
  name: prod-web
  namespace: prod
spec:
  replicas: 4
  selector:
    matchLabels:
      app: web
      env: prod
  template:
    metadata:
      labels:
        app: web
        env: prod
    spec:
      containers:
      - env:
        - name: EXTRA
          value: "1"
        envFrom:
        - configMapRef:
            name: prod-web-config-btf6f9dc9c
        image: nginx@sha256:0123abcd
        name: nginx
        ports:
        - containerPort: 80
        resources:
          limits:
            memory: 256Mi
        volumeMounts:
        - mountPath: /etc/cfg
          name: cfg
      volumes:
      - configMap:
          name: prod-web-config-btf6f9dc9c
        name: cfg
      - name: sec
        secret:
          secretName: prod-web-secret-dbdgd77ct8
---
apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata:
  labels:
    env: prod
  name: prod-web
  namespace: prod
spec:
  maxReplicas: 5
  minReplicas: 2
  scaleTargetRef:
    apiVersion: apps/v1
    kind: Deployment
    name: prod-web
---
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  labels:
    env: prod
  name: prod-web
  namespace: prod
spec:
  rules:
  - http:
      paths:
      - backend:
          service:
            name: prod-web
            port:
              number: 80
        path: /
        pathType: Prefix
`);
  });

  it('stacks prefixes over three levels with patchesJson6902 and images', async () => {
    const dir = writeTree({
      'base/all.yaml': `apiVersion: example.com/v1
kind: Widget
metadata:
  name: w
spec:
  size: 3
---
apiVersion: batch/v1
kind: Job
metadata:
  name: migrate
spec:
  template:
    spec:
      restartPolicy: Never
      containers:
      - name: m
        image: registry.local:5000/tools/migrate:v1
        env:
        - name: PASS
          valueFrom:
            secretKeyRef:
              name: creds
              key: pass
---
apiVersion: v1
kind: ServiceAccount
metadata:
  name: runner
---
apiVersion: apps/v1
kind: DaemonSet
metadata:
  name: agent
spec:
  selector:
    matchLabels:
      app: agent
  template:
    metadata:
      labels:
        app: agent
    spec:
      serviceAccountName: runner
      containers:
      - name: a
        image: busybox:1.36
---
apiVersion: v1
kind: Pod
metadata:
  name: solo
  annotations:
    keep: "1"
spec:
  containers:
  - name: c
    image: busybox
`,
      'base/kustomization.yaml': `resources:
- all.yaml
namePrefix: b-
secretGenerator:
- name: creds
  literals:
  - pass=hunter2
  options:
    annotations:
      a: b
`,
      'mid/kustomization.yaml': `resources:
- ../base
namePrefix: m-
commonLabels:
  layer: mid
commonAnnotations:
  note: "multi word value"
`,
      'top/json.yaml': `- op: add
  path: /spec/template/spec/containers/0/args
  value: ["--dry", "--verbose"]
`,
      'top/kustomization.yaml': `resources:
- ../mid
namespace: top
nameSuffix: -t
patchesJson6902:
- target:
    group: batch
    version: v1
    kind: Job
    name: migrate
  path: json.yaml
images:
- name: registry.local:5000/tools/migrate
  newName: registry.local:5000/tools/migrate2
  newTag: v2
- name: busybox
  newTag: "1.37"
`,
    });
    const warnings: string[] = [];
    expect(await build(join(dir, 'top'), warnings)).toBe(`apiVersion: v1
kind: ServiceAccount
metadata:
  annotations:
    note: multi word value
  labels:
    layer: mid
  name: m-b-runner-t
  namespace: top
---
apiVersion: v1
data:
  pass: aHVudGVyMg==
kind: Secret
metadata:
  annotations:
    a: b
    note: multi word value
  labels:
    layer: mid
  name: m-b-creds-t-bgcbm568fg
  namespace: top
type: Opaque
---
apiVersion: apps/v1
kind: DaemonSet
metadata:
  annotations:
    note: multi word value
  labels:
    layer: mid
  name: m-b-agent-t
  namespace: top
spec:
  selector:
    matchLabels:
      app: agent
      layer: mid
  template:
    metadata:
      annotations:
        note: multi word value
      labels:
        app: agent
        layer: mid
    spec:
      containers:
      - image: busybox:1.37
        name: a
      serviceAccountName: m-b-runner-t
---
apiVersion: batch/v1
kind: Job
metadata:
  annotations:
    note: multi word value
  labels:
    layer: mid
  name: m-b-migrate-t
  namespace: top
spec:
  template:
    metadata:
      annotations:
        note: multi word value
      labels:
        layer: mid
    spec:
      containers:
      - args:
        - --dry
        - --verbose
        env:
        - name: PASS
          valueFrom:
            secretKeyRef:
              key: pass
              name: m-b-creds-t-bgcbm568fg
        image: registry.local:5000/tools/migrate2:v2
        name: m
      restartPolicy: Never
---
apiVersion: example.com/v1
kind: Widget
metadata:
  annotations:
    note: multi word value
  labels:
    layer: mid
  name: m-b-w-t
  namespace: top
spec:
  size: 3
---
apiVersion: v1
kind: Pod
metadata:
  annotations:
    keep: "1"
    note: multi word value
  labels:
    layer: mid
  name: m-b-solo-t
  namespace: top
spec:
  containers:
  - image: busybox:1.37
    name: c
`);
    expect(warnings).toEqual([
      "# Warning: 'patchesJson6902' is deprecated. Please use 'patches' instead. Run 'kustomize edit fix' to update your Kustomization automatically.",
      "# Warning: 'commonLabels' is deprecated. Please use 'labels' instead. Run 'kustomize edit fix' to update your Kustomization automatically.",
    ]);
  });

  it('merges and replaces generated ConfigMaps of a base', async () => {
    const dir = writeTree({
      'base/kustomization.yml': 'namePrefix: b-\nconfigMapGenerator:\n- name: app\n  literals:\n  - A=1\n  - B=2\n- name: other\n  literals:\n  - X=1\n',
      'ov/Kustomization': 'resources:\n- ../base\nlabels:\n- pairs:\n    version: "1"\nconfigMapGenerator:\n- name: app\n  behavior: merge\n  literals:\n  - B=3\n  - C=4\n- name: other\n  behavior: replace\n  literals:\n  - Y=2\n',
    });
    expect(await build(join(dir, 'ov'))).toBe(`apiVersion: v1
data:
  A: "1"
  B: "3"
  C: "4"
kind: ConfigMap
metadata:
  labels:
    version: "1"
  name: b-app-k45267997d
---
apiVersion: v1
data:
  "Y": "2"
kind: ConfigMap
metadata:
  labels:
    version: "1"
  name: b-other-dh7cc6hd7c
`);
  });
});
