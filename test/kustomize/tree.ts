/**
 * Test helpers: a kustomization tree written to a temporary directory, and
 * a build rendered as `kubectl kustomize` prints it.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { buildKustomization, renderKustomization } from '../../src/kustomize/build.js';

/** Writes files (relative path to content) under a new temporary directory and returns it. */
export function writeTree(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'kubesim-kustomize-'));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

/** Builds a directory and returns the printed output and the warnings. */
export async function build(dir: string, warnings: string[] = []): Promise<string> {
  return renderKustomization(await buildKustomization(dir, (line) => warnings.push(line)));
}

/** A Deployment that reads the ConfigMap web-config and the Secret web-secret, which several builds rename. */
export const WEB_DEPLOYMENT = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  labels:
    app: web
spec:
  replicas: 1
  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: web
    spec:
      containers:
      - name: nginx
        image: nginx:1.25
        ports:
        - containerPort: 80
        envFrom:
        - configMapRef:
            name: web-config
        volumeMounts:
        - name: cfg
          mountPath: /etc/cfg
      volumes:
      - name: cfg
        configMap:
          name: web-config
      - name: sec
        secret:
          secretName: web-secret
`;
