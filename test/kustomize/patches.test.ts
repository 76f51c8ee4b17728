import { describe, expect, it } from 'vitest';
import { build, writeTree } from './tree.js';

/** Expected output recorded from kubectl v1.32.4 `kubectl kustomize DIR` on the same files. */
describe('kustomize patch targets', () => {
  it('selects patch targets by label and name pattern', async () => {
    const dir = writeTree({
      'kustomization.yaml': `namespace: shop
resources:
- r.yaml
commonLabels:
  app.kubernetes.io/part-of: shop
images:
- name: example/api
  newName: registry.example.com/api
patches:
- target:
    kind: Deployment
    labelSelector: tier=backend
  patch: |-
    apiVersion: apps/v1
    kind: Deployment
    metadata:
      name: any
    spec:
      template:
        spec:
          containers:
          - name: sidecar
            $patch: delete
- target:
    kind: Deployment
    name: w.*
  patch: |-
    - op: add
      path: /spec/template/spec/containers/0/env
      value:
      - name: QUEUE
        value: orders
`,
      'r.yaml': `apiVersion: v1
kind: Service
metadata:
  name: headless
  namespace: elsewhere
spec:
  clusterIP: None
  ports:
  - port: 5432
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: api
  labels:
    tier: backend
spec:
  selector:
    matchLabels:
      app: api
  template:
    metadata:
      labels:
        app: api
    spec:
      containers:
      - name: api
        image: example/api@sha256:1111
      - name: sidecar
        image: envoyproxy/envoy:v1.29
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: worker
  labels:
    tier: jobs
spec:
  selector:
    matchLabels:
      app: worker
  template:
    metadata:
      labels:
        app: worker
    spec:
      containers:
      - name: worker
        image: example/worker:1
`,
    });
    expect(await build(dir)).toBe(`apiVersion: v1
kind: Service
metadata:
  labels:
    app.kubernetes.io/part-of: shop
  name: headless
  namespace: shop
spec:
  clusterIP: None
  ports:
  - port: 5432
  selector:
    app.kubernetes.io/part-of: shop
---
apiVersion: apps/v1
kind: Deployment
metadata:
  labels:
    app.kubernetes.io/part-of: shop
    tier: backend
  name: api
  namespace: shop
spec:
  selector:
    matchLabels:
      app: api
      app.kubernetes.io/part-of: shop
  template:
    metadata:
      labels:
        app: api
        app.kubernetes.io/part-of: shop
    spec:
      containers:
      - image: registry.example.com/api@sha256:1111
        name: api
---
apiVersion: apps/v1
kind: Deployment
metadata:
  labels:
    app.kubernetes.io/part-of: shop
    tier: jobs
  name: worker
  namespace: shop
spec:
  selector:
    matchLabels:
      app: worker
      app.kubernetes.io/part-of: shop
  template:
    metadata:
      labels:
        app: worker
        app.kubernetes.io/part-of: shop
    spec:
      containers:
      - env:
        - name: QUEUE
          value: orders
        image: example/worker:1
        name: worker
`);
  });
});
