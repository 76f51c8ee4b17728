/**
 * Test-only API server on 127.0.0.1. It serves discovery and the OpenAPI v2
 * (protobuf) and v3 documents built from kubesim's explain schema data, so
 * the real kubectl renders `kubectl explain` from the same data as kubesim.
 */
import { createServer, type Server } from 'node:http';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { explainSchemaData } from '../../../src/api/explain-schema.js';
import { encodeOpenApiV2, OPENAPI_V2_PROTO } from './openapi-v2-proto.js';

export interface FakeApiServer {
  url: string;
  kubeconfig: string;
  close(): Promise<void>;
}

function groupVersionKey(group: string, version: string): string {
  return group === '' ? `api/${version}` : `apis/${group}/${version}`;
}

function resourceList(group: string, version: string) {
  const resources = explainSchemaData.kinds
    .filter((k) => k.group === group && k.version === version)
    .map((k) => ({
      name: k.resource,
      singularName: k.kind.toLowerCase(),
      namespaced: k.namespaced,
      kind: k.kind,
      verbs: ['create', 'delete', 'get', 'list', 'patch', 'update', 'watch'],
      ...(k.shortNames.length ? { shortNames: k.shortNames } : {}),
    }));
  return { kind: 'APIResourceList', apiVersion: 'v1', groupVersion: group ? `${group}/${version}` : version, resources };
}

function groupList() {
  const groups = new Map<string, string[]>();
  for (const k of explainSchemaData.kinds) {
    if (k.group === '') continue;
    const versions = groups.get(k.group) ?? [];
    if (!versions.includes(k.version)) versions.push(k.version);
    groups.set(k.group, versions);
  }
  return {
    kind: 'APIGroupList',
    apiVersion: 'v1',
    groups: [...groups].map(([name, versions]) => ({
      name,
      versions: versions.map((v) => ({ groupVersion: `${name}/${v}`, version: v })),
      preferredVersion: { groupVersion: `${name}/${versions[0]}`, version: versions[0] },
    })),
  };
}

function routes(): Map<string, unknown> {
  const table = new Map<string, unknown>();
  table.set('/api', { kind: 'APIVersions', versions: ['v1'], serverAddressByClientCIDRs: [] });
  table.set('/apis', groupList());
  table.set('/version', { major: '1', minor: '32', gitVersion: 'v1.32.0', platform: 'linux/amd64' });
  const paths: Record<string, { serverRelativeURL: string }> = {};
  const documents = new Map<string, { paths: Record<string, unknown> }>();
  for (const k of explainSchemaData.kinds) {
    const key = groupVersionKey(k.group, k.version);
    table.set('/' + key, resourceList(k.group, k.version));
    paths[key] = { serverRelativeURL: `/openapi/v3/${key}?hash=0` };
    let doc = documents.get(key);
    if (!doc) {
      doc = { paths: {} };
      documents.set(key, doc);
      table.set(`/openapi/v3/${key}`, {
        openapi: '3.0.0',
        info: { title: 'Kubernetes', version: 'v1.32.0' },
        paths: doc.paths,
        components: { schemas: explainSchemaData.schemas },
      });
    }
    // kubectl finds the kind of a resource through the operations on its item path.
    const scope = k.namespaced ? 'namespaces/{namespace}/' : '';
    doc.paths[`/${key}/${scope}${k.resource}/{name}`] = {
      get: {
        'x-kubernetes-action': 'get',
        'x-kubernetes-group-version-kind': { group: k.group, version: k.version, kind: k.kind },
      },
    };
  }
  table.set('/openapi/v3', { paths });
  return table;
}

/** Starts the server on a random loopback port and writes a kubeconfig pointing at it. */
export async function startFakeApiServer(): Promise<FakeApiServer> {
  const table = routes();
  const openApiV2 = encodeOpenApiV2(explainSchemaData);
  const server: Server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0];
    if (path === '/openapi/v2') {
      res.writeHead(200, { 'Content-Type': OPENAPI_V2_PROTO });
      res.end(openApiV2);
      return;
    }
    const body = table.get(path);
    if (body === undefined) {
      res.writeHead(404, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify({ kind: 'Status', apiVersion: 'v1', status: 'Failure', reason: 'NotFound', code: 404 }));
      return;
    }
    res.writeHead(200, { 'Content-Type': 'application/json' });
    res.end(JSON.stringify(body));
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('no server address');
  const url = `http://127.0.0.1:${address.port}`;
  const dir = mkdtempSync(join(tmpdir(), 'kubesim-explain-'));
  const kubeconfig = join(dir, 'config');
  writeFileSync(
    kubeconfig,
    [
      'apiVersion: v1',
      'kind: Config',
      'clusters:',
      `- cluster: {server: "${url}"}`,
      '  name: fake',
      'contexts:',
      '- context: {cluster: fake, user: fake}',
      '  name: fake',
      'current-context: fake',
      'users:',
      '- name: fake',
      '  user: {}',
      '',
    ].join('\n'),
  );
  return {
    url,
    kubeconfig,
    close: () => new Promise<void>((ok) => server.close(() => ok())),
  };
}
