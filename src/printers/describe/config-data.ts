/**
 * `kubectl describe secret` (describeSecret) and `describe configmap`
 * (ConfigMapDescriber). A Secret shows its type and the size of each value,
 * never the value itself, except a service account token's `token`. A
 * ConfigMap shows each value in full under its key, then the size of each
 * binary value, then its events. kubectl ranges over Go maps here, so its
 * key order varies from run to run; kubesim prints keys sorted.
 */
import type { KObject } from '../../api/types.js';
import { DescribeWriter, writeMap } from './writer.js';
import { writeEvents } from './events.js';
import type { DescribeContext } from './index.js';

/** Returns the number of bytes a base64 value decodes to. */
function decodedLength(value: unknown): number {
  return Buffer.from(String(value ?? ''), 'base64').length;
}

export function describeSecret(secret: KObject): string {
  const w = new DescribeWriter();
  w.line(0, 'Name', secret.metadata.name);
  w.line(0, 'Namespace', secret.metadata.namespace ?? '');
  writeMap(w, 0, 'Labels', secret.metadata.labels);
  writeMap(w, 0, 'Annotations', secret.metadata.annotations);
  w.write(0, `\nType:\t${secret.type ?? ''}\n`);
  w.write(0, '\nData\n====\n');
  const data: Record<string, unknown> = secret.data ?? {};
  for (const key of Object.keys(data).sort()) {
    if (key === 'token' && secret.type === 'kubernetes.io/service-account-token') {
      w.write(0, `${key}:\t${Buffer.from(String(data[key] ?? ''), 'base64').toString('utf8')}\n`);
    } else {
      w.write(0, `${key}:\t${decodedLength(data[key])} bytes\n`);
    }
  }
  return w.text();
}

export function describeConfigMap(configMap: KObject, ctx: DescribeContext): string {
  const w = new DescribeWriter();
  w.line(0, 'Name', configMap.metadata.name);
  w.line(0, 'Namespace', configMap.metadata.namespace ?? '');
  writeMap(w, 0, 'Labels', configMap.metadata.labels);
  writeMap(w, 0, 'Annotations', configMap.metadata.annotations);
  w.write(0, '\nData\n====\n');
  const data: Record<string, unknown> = configMap.data ?? {};
  for (const key of Object.keys(data).sort()) w.write(0, `${key}:\n----\n${String(data[key] ?? '')}\n\n`);
  w.write(0, '\nBinaryData\n====\n');
  const binary: Record<string, unknown> = configMap.binaryData ?? {};
  for (const key of Object.keys(binary).sort()) w.write(0, `${key}: ${decodedLength(binary[key])} bytes\n`);
  w.write(0, '\n');
  writeEvents(w, ctx.events(configMap), ctx.now, ctx.version);
  return w.text();
}
