import { execFile } from 'node:child_process';
import { Server } from 'node:http';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCustomColumnsSpec, printCustomColumns } from '../../src/printers/custom-columns';
import { printJsonPath } from '../../src/printers/jsonpath';
import { formatTable } from '../../src/printers/table';
import { toKubectlList, toKubectlYaml } from '../../src/printers/yaml';
import { startFakeDiscovery } from './fake-discovery';
import { hasKubectl, NO_KUBECTL } from './kubectl-golden';

const execFileAsync = promisify(execFile);

const pods = [
  {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: 'nginx-deployment-5df65767f-4wxdv', namespace: 'default', labels: { app: 'nginx', tier: 'fe' } },
    spec: { containers: [{ name: 'a', image: 'nginx' }, { name: 'b', image: 'redis' }] },
    status: { phase: 'Running' },
  },
  {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: 'db', namespace: 'default' },
    spec: { containers: [{ name: 'a', image: 'mysql' }] },
    status: { phase: 'Pending' },
  },
];

const header = ['NAME', 'READY', 'STATUS', 'RESTARTS', 'AGE'];
const rows = [
  ['nginx-deployment-5df65767f-4wxdv', '2/2', 'Running', '0', '15h'],
  ['db', '0/1', 'Pending', '3 (2m ago)', ''],
];
const wideHeader = ['IP', 'NODE'];
const wideRows = [
  ['10.244.1.28', 'k8s-node01'],
  ['<none>', ''],
];

const column = (name: string, priority = 0) => ({ name, type: 'string', format: '', description: '', priority });
const table = {
  kind: 'Table',
  apiVersion: 'meta.k8s.io/v1',
  metadata: { resourceVersion: '12' },
  columnDefinitions: [
    ...['Name', 'Ready', 'Status', 'Restarts', 'Age'].map((n) => column(n)),
    ...['IP', 'Node'].map((n) => column(n, 1)),
  ],
  rows: pods.map((p, i) => ({
    cells: [...rows[i], ...wideRows[i]],
    object: { kind: 'PartialObjectMetadata', apiVersion: 'meta.k8s.io/v1', metadata: p.metadata },
  })),
};
const list = { apiVersion: 'v1', kind: 'PodList', metadata: { resourceVersion: '12' }, items: pods };

describe.skipIf(!hasKubectl)(`kubectl get output (${NO_KUBECTL})`, () => {
  let server: Server;
  let url: string;
  let serverArgs: string[];

  beforeAll(async () => {
    ({ server, url, args: serverArgs } = await startFakeDiscovery({ '/api/v1/namespaces/default/pods': { list, table } }));
  });
  afterAll(() => server?.close());

  const get = async (...args: string[]) => (await execFileAsync('kubectl', [...serverArgs, 'get', 'pods', ...args])).stdout;

  it('aligns the table as formatTable', async () => {
    expect(formatTable(header, rows)).toBe(await get());
  });

  it('omits headers as formatTable', async () => {
    expect(formatTable(header, rows, { noHeaders: true })).toBe(await get('--no-headers'));
  });

  it('aligns the wide table as formatTable', async () => {
    const wide = rows.map((r, i) => [...r, ...wideRows[i]]);
    expect(formatTable([...header, ...wideHeader], wide)).toBe(await get('-o', 'wide'));
  });

  it('prints custom columns as kubectl', async () => {
    const spec = 'NAME:.metadata.name,IMAGES:.spec.containers[*].image,APP:.metadata.labels.app,C:.spec.containers';
    expect(printCustomColumns(parseCustomColumnsSpec(spec), [list])).toBe(await get('-o', `custom-columns=${spec}`));
  });

  it('prints a list as yaml as kubectl', async () => {
    expect(toKubectlYaml(toKubectlList(pods))).toBe(await get('-o', 'yaml'));
  });

  it('prints jsonpath over the list as kubectl', async () => {
    const template = '{range .items[*]}{.metadata.name}{"\\t"}{.status.phase}{"\\n"}{end}{.items..metadata.name}';
    expect(printJsonPath(template, toKubectlList(pods))).toBe(await get('-o', `jsonpath=${template}`));
  });
});
