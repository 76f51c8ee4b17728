import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Sandbox } from '../helpers/cli.js';

const OBJECTS = `apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: web
spec:
  tls:
  - hosts: [a.example.com]
    secretName: cert
  rules:
  - host: a.example.com
    http:
      paths:
      - path: /
        pathType: Prefix
        backend:
          service:
            name: web
            port:
              number: 80
      - path: /api
        pathType: Prefix
        backend:
          service:
            name: api
            port:
              name: http
---
apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  selector:
    app: web
  ports:
  - port: 80
---
apiVersion: rbac.authorization.k8s.io/v1
kind: Role
metadata:
  name: pod-reader
rules:
- apiGroups: [""]
  resources: ["pods"]
  verbs: ["get"]
- apiGroups: ["", "apps"]
  resources: ["pods", "deployments/scale"]
  verbs: ["list"]
  resourceNames: ["a"]
---
apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata:
  name: read-pods
subjects:
- kind: User
  name: jane
- kind: ServiceAccount
  name: robot
  namespace: default
roleRef:
  kind: Role
  name: pod-reader
---
apiVersion: v1
kind: ResourceQuota
metadata:
  name: compute
spec:
  scopes: [NotTerminating]
  hard:
    pods: "10"
    limits.memory: 2Gi
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: db
spec:
  podSelector:
    matchLabels:
      app: db
  ingress:
  - from:
    - podSelector:
        matchLabels:
          app: web
    ports:
    - port: 5432
  - from:
    - ipBlock:
        cidr: 10.0.0.0/8
        except: [10.1.0.0/16]
`;

describe('describe for the stored-only built-in kinds', () => {
  const sb = new Sandbox();
  beforeAll(() => {
    expect(sb.run(['cluster', 'create', 'm', '--clock', 'manual', '--seed', '3']).code).toBe(0);
    writeFileSync(join(sb.home, 'objects.yaml'), OBJECTS);
    expect(sb.run(['create', '-f', join(sb.home, 'objects.yaml')]).code).toBe(0);
  });
  afterAll(() => sb.cleanup());

  it('describes an Ingress with its backends and their endpoints', () => {
    expect(sb.run(['describe', 'ingress', 'web']).stdout).toBe(
      [
        'Name:             web',
        'Labels:           <none>',
        'Namespace:        default',
        'Address:          ',
        'Ingress Class:    <none>',
        'Default backend:  <default>',
        'TLS:',
        '  cert terminates a.example.com',
        'Rules:',
        '  Host           Path  Backends',
        '  ----           ----  --------',
        '  a.example.com  ',
        '                 /      web:80 (<none>)',
        '                 /api   api:http (<error: endpoints "api" not found>)',
        'Annotations:     <none>',
        'Events:          <none>',
        '',
      ].join('\n'),
    );
  });

  it('describes a Role one resource per row', () => {
    expect(sb.run(['describe', 'role', 'pod-reader']).stdout).toBe(
      [
        'Name:         pod-reader',
        'Labels:       <none>',
        'Annotations:  <none>',
        'PolicyRule:',
        '  Resources               Non-Resource URLs  Resource Names  Verbs',
        '  ---------               -----------------  --------------  -----',
        '  pods                    []                 []              [get]',
        '  deployments/scale       []                 [a]             [list]',
        '  pods                    []                 [a]             [list]',
        '  deployments.apps/scale  []                 [a]             [list]',
        '  pods.apps               []                 [a]             [list]',
        '',
      ].join('\n'),
    );
  });

  it('describes a RoleBinding with its subjects', () => {
    expect(sb.run(['describe', 'rolebinding', 'read-pods']).stdout).toBe(
      [
        'Name:         read-pods',
        'Labels:       <none>',
        'Annotations:  <none>',
        'Role:',
        '  Kind:  Role',
        '  Name:  pod-reader',
        'Subjects:',
        '  Kind            Name   Namespace',
        '  ----            ----   ---------',
        '  User            jane   ',
        '  ServiceAccount  robot  default',
        '',
      ].join('\n'),
    );
  });

  it('describes a ResourceQuota with its scopes and amounts', () => {
    expect(sb.run(['describe', 'quota', 'compute']).stdout).toBe(
      [
        // The help line has no cell, so it ends the tabwriter block the first three lines align in.
        'Name:       compute',
        'Namespace:  default',
        'Scopes:     NotTerminating',
        ' * Matches all pods that do not have an active deadline. These pods usually include long running pods whose container command is not expected to terminate.',
        'Resource       Used  Hard',
        '--------       ----  ----',
        'limits.memory  0     2Gi',
        'pods           0     10',
        '',
      ].join('\n'),
    );
  });

  it('describes a NetworkPolicy with its ingress peers', () => {
    const created = sb.run(['get', 'netpol', 'db', '-o', 'jsonpath={.metadata.creationTimestamp}']).stdout;
    const goTime = `${created.slice(0, 10)} ${created.slice(11, 19)} +0000 UTC`;
    expect(sb.run(['describe', 'netpol', 'db']).stdout).toBe(
      [
        'Name:         db',
        'Namespace:    default',
        `Created on:   ${goTime}`,
        'Labels:       <none>',
        'Annotations:  <none>',
        'Spec:',
        '  PodSelector:     app=db',
        '  Allowing ingress traffic:',
        '    To Port: 5432/TCP',
        '    From:',
        '      PodSelector: app=web',
        '    ----------',
        '    To Port: <any> (traffic allowed to all ports)',
        '    From:',
        '      IPBlock:',
        '        CIDR: 10.0.0.0/8',
        '        Except: 10.1.0.0/16',
        '  Not affecting egress traffic',
        '  Policy Types: Ingress',
        '',
      ].join('\n'),
    );
  });
});
