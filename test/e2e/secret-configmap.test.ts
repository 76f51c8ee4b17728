import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Sandbox } from '../helpers/cli.js';

describe('Secrets and ConfigMaps as the API server stores them', () => {
  const sb = new Sandbox();
  const k = (args: string[], input?: string) => sb.on('s', args, input === undefined ? {} : { input });
  beforeAll(() => {
    expect(sb.run(['cluster', 'create', 's', '--clock', 'manual', '--seed', '1']).code).toBe(0);
  });
  afterAll(() => sb.cleanup());

  it('merges stringData into data and defaults the type', () => {
    const manifest = 'apiVersion: v1\nkind: Secret\nmetadata:\n  name: creds\ndata:\n  password: b2xk\n  user: dXNlcg==\nstringData:\n  password: t0p-Secret\n';
    expect(k(['apply', '-f', '-'], manifest).stdout).toBe('secret/creds created\n');
    expect(k(['get', 'secret', 'creds', '-o', 'jsonpath={.data.password}']).stdout).toBe(Buffer.from('t0p-Secret').toString('base64'));
    expect(k(['get', 'secret', 'creds', '-o', 'jsonpath={.data.user} {.type} {.stringData}']).stdout).toBe('dXNlcg== Opaque ');
    expect(k(['get', 'secret', 'creds', '-o', 'go-template={{.data.password | base64decode}}']).stdout).toBe('t0p-Secret');
    expect(k(['get', 'secret', 'creds', '--no-headers']).stdout).toMatch(/^creds\s+Opaque\s+2\s/);
  });

  it('rejects data that is not base64 and stores nothing', () => {
    const r = k(['create', '-f', '-'], 'apiVersion: v1\nkind: Secret\nmetadata:\n  name: bad64\ndata:\n  a: "not base64!"\n');
    expect(r.stderr).toBe('Error from server (BadRequest): error when creating "STDIN": Secret in version "v1" cannot be handled as a Secret: illegal base64 data at input byte 3\n');
    expect(r.code).toBe(1);
    expect(k(['get', 'secret', 'bad64']).code).toBe(1);
  });

  it('describes a Secret by its value sizes, never its values', () => {
    expect(k(['create', 'secret', 'generic', 'g', '--from-literal=password=s3cr3t', '--from-literal=user=admin']).code).toBe(0);
    expect(k(['describe', 'secret', 'g']).stdout).toBe(
      'Name:         g\nNamespace:    default\nLabels:       <none>\nAnnotations:  <none>\n\nType:  Opaque\n\nData\n====\npassword:  6 bytes\nuser:      5 bytes\n',
    );
  });

  it('describes a ConfigMap with each value under its key', () => {
    expect(k(['create', 'configmap', 'c', '--from-literal=a=1', '--from-literal=b=x\ny']).code).toBe(0);
    expect(k(['describe', 'configmap', 'c']).stdout).toBe(
      'Name:         c\nNamespace:    default\nLabels:       <none>\nAnnotations:  <none>\n\nData\n====\na:\n----\n1\n\nb:\n----\nx\ny\n\n\nBinaryData\n====\n\nEvents:  <none>\n',
    );
  });

  it('leaves the last-applied configuration out of describe and wraps long annotations', () => {
    const long = 'x'.repeat(200);
    const manifest = `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: applied\n  annotations:\n    note: hello\n    long: "${long}"\ndata:\n  k: v\n`;
    expect(k(['apply', '-f', '-'], manifest).code).toBe(0);
    const out = k(['describe', 'configmap', 'applied']).stdout;
    expect(out).not.toContain('last-applied-configuration');
    expect(out).toContain(`Annotations:  long:\n                ${'x'.repeat(138)}...\n              note: hello\n`);
  });
});
