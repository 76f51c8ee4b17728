import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { build, WEB_DEPLOYMENT, writeTree } from './tree.js';

/** Expected output recorded from kubectl v1.32.4 `kubectl kustomize DIR` on the same files. */
describe('kustomize build', () => {
  it('prefixes, suffixes and namespaces objects and follows generated names', async () => {
    const dir = writeTree({
      'deployment.yaml': WEB_DEPLOYMENT,
      'kustomization.yaml': `namespace: demo
namePrefix: dev-
nameSuffix: -v1
commonLabels:
  env: dev
commonAnnotations:
  owner: team-a
resources:
- deployment.yaml
- service.yaml
images:
- name: nginx
  newName: myreg/nginx
  newTag: "1.26"
replicas:
- name: web
  count: 3
configMapGenerator:
- name: web-config
  literals:
  - A=1
  - B=two words
secretGenerator:
- name: web-secret
  literals:
  - password=s3cr3t
`,
      'service.yaml': `apiVersion: v1
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
    });
    expect(await build(join(dir, '.'))).toBe(`apiVersion: v1
data:
  A: "1"
  B: two words
kind: ConfigMap
metadata:
  annotations:
    owner: team-a
  labels:
    env: dev
  name: dev-web-config-v1-5gttg69dkf
  namespace: demo
---
apiVersion: v1
data:
  password: czNjcjN0
kind: Secret
metadata:
  annotations:
    owner: team-a
  labels:
    env: dev
  name: dev-web-secret-v1-25k92892fb
  namespace: demo
type: Opaque
---
apiVersion: v1
kind: Service
metadata:
  annotations:
    owner: team-a
  labels:
    env: dev
  name: dev-web-v1
  namespace: demo
spec:
  ports:
  - port: 80
    targetPort: 80
  selector:
    app: web
    env: dev
---
apiVersion: apps/v1
kind: Deployment
metadata:
  annotations:
    owner: team-a
  labels:
    app: web
    env: dev
  name: dev-web-v1
  namespace: demo
spec:
  replicas: 3
  selector:
    matchLabels:
      app: web
      env: dev
  template:
    metadata:
      annotations:
        owner: team-a
      labels:
        app: web
        env: dev
    spec:
      containers:
      - envFrom:
        - configMapRef:
            name: dev-web-config-v1-5gttg69dkf
        image: myreg/nginx:1.26
        name: nginx
        ports:
        - containerPort: 80
        volumeMounts:
        - mountPath: /etc/cfg
          name: cfg
      volumes:
      - configMap:
          name: dev-web-config-v1-5gttg69dkf
        name: cfg
      - name: sec
        secret:
          secretName: dev-web-secret-v1-25k92892fb
`);
  });

  it('generates ConfigMaps and Secrets from literals, files and env files', async () => {
    const dir = writeTree({
      'app.env': `DB_HOST=db
# comment

DB_PORT = 5432
QUOTED="a b"
`,
      'greeting.txt': `hello`,
      'kustomization.yaml': `generatorOptions:
  labels:
    gen: "yes"
  annotations:
    note: x
configMapGenerator:
- name: cfg
  literals:
  - 'Q="quoted value"'
  - EMPTY=
  - URL=http://x/?a=b
  files:
  - nginx.conf
  - custom-key=greeting.txt
  envs:
  - app.env
- name: plain
  options:
    disableNameSuffixHash: true
    labels:
      extra: "1"
  literals:
  - K=V
secretGenerator:
- name: tls
  type: kubernetes.io/tls
  files:
  - tls.crt=greeting.txt
  - tls.key=greeting.txt
- name: envsec
  envs:
  - app.env
`,
      'nginx.conf': `server {
  listen 80;
}
`,
    });
    expect(await build(join(dir, '.'))).toBe(`apiVersion: v1
data:
  DB_HOST: db
  'DB_PORT ': ' 5432'
  EMPTY: ""
  Q: quoted value
  QUOTED: '"a b"'
  URL: http://x/?a=b
  custom-key: hello
  nginx.conf: |
    server {
      listen 80;
    }
kind: ConfigMap
metadata:
  annotations:
    note: x
  labels:
    gen: "yes"
  name: cfg-c6hfhkmgc6
---
apiVersion: v1
data:
  K: V
kind: ConfigMap
metadata:
  annotations:
    note: x
  labels:
    extra: "1"
    gen: "yes"
  name: plain
---
apiVersion: v1
data:
  DB_HOST: ZGI=
  'DB_PORT ': IDU0MzI=
  QUOTED: ImEgYiI=
kind: Secret
metadata:
  annotations:
    note: x
  labels:
    gen: "yes"
  name: envsec-5hbtct6h74
type: Opaque
---
apiVersion: v1
data:
  tls.crt: aGVsbG8=
  tls.key: aGVsbG8=
kind: Secret
metadata:
  annotations:
    note: x
  labels:
    gen: "yes"
  name: tls-hfkf944tfk
type: kubernetes.io/tls
`);
  });
});
