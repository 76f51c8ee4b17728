import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const verbs = ['create', 'delete', 'get', 'list', 'patch', 'update', 'watch'];
const resource = (name: string, kind: string, namespaced = true) => ({ name, singularName: '', namespaced, kind, verbs });

const DISCOVERY: Record<string, unknown> = {
  '/api': { kind: 'APIVersions', versions: ['v1'], serverAddressByClientCIDRs: [{ clientCIDR: '0.0.0.0/0', serverAddress: '127.0.0.1' }] },
  '/apis': {
    kind: 'APIGroupList',
    apiVersion: 'v1',
    groups: ['apps', 'batch'].map((name) => ({
      name,
      versions: [{ groupVersion: `${name}/v1`, version: 'v1' }],
      preferredVersion: { groupVersion: `${name}/v1`, version: 'v1' },
    })),
  },
  '/api/v1': {
    kind: 'APIResourceList',
    groupVersion: 'v1',
    resources: [
      resource('pods', 'Pod'),
      resource('services', 'Service'),
      resource('configmaps', 'ConfigMap'),
      resource('secrets', 'Secret'),
      resource('replicationcontrollers', 'ReplicationController'),
      resource('namespaces', 'Namespace', false),
    ],
  },
  '/apis/apps/v1': {
    kind: 'APIResourceList',
    groupVersion: 'apps/v1',
    resources: [resource('deployments', 'Deployment'), resource('replicasets', 'ReplicaSet'), resource('statefulsets', 'StatefulSet'), resource('daemonsets', 'DaemonSet')],
  },
  '/apis/batch/v1': {
    kind: 'APIResourceList',
    groupVersion: 'batch/v1',
    resources: [resource('jobs', 'Job'), resource('cronjobs', 'CronJob')],
  },
};

/** A fixed response for one path: `table` when kubectl requests a Table, else `list`. */
export interface FakeResource {
  list: unknown;
  table?: unknown;
}

/**
 * Starts a loopback server that serves API discovery, which commands such as
 * `kubectl run --dry-run=client` need before printing, and the given fixed
 * responses (for `kubectl get`). Returns its URL.
 */
export async function startFakeDiscovery(resources: Record<string, FakeResource> = {}): Promise<{ url: string; server: Server; args: string[] }> {
  const server = createServer((req, res) => {
    const path = (req.url ?? '').split('?')[0];
    const resource = resources[path];
    const wantsTable = (req.headers.accept ?? '').includes('as=Table');
    let body = DISCOVERY[path];
    if (resource) body = wantsTable && resource.table ? resource.table : resource.list;
    res.writeHead(body ? 200 : 404, { 'Content-Type': 'application/json' });
    res.end(JSON.stringify(body ?? { kind: 'Status', apiVersion: 'v1', status: 'Failure', reason: 'NotFound', code: 404 }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  // kubectl caches discovery per host and port. Its own cache directory keeps a later server on
  // a reused port from reading an earlier server's resources.
  const cacheDir = mkdtempSync(join(tmpdir(), 'kubesim-discovery-'));
  return { url, server, args: ['--server', url, '--cache-dir', cacheDir] };
}
