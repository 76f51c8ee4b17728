/**
 * Golden tests: the real kubectl v1.32 explains the same schema data, served
 * by a loopback test server, and kubesim's output must match it byte for byte
 * (stdout, the stderr message and the exit code).
 */
import { execFile, execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { explain, ExplainError, explainKinds, type ExplainOptions } from '../../../src/api/explain.js';
import { explainSchemaData, type OpenApiSchema } from '../../../src/api/explain-schema.js';
import { startFakeApiServer, type FakeApiServer } from './fake-apiserver.js';

function kubectlVersion(): string | undefined {
  try {
    return execFileSync('kubectl', ['version', '--client'], { encoding: 'utf8' });
  } catch {
    return undefined;
  }
}

const version = kubectlVersion();
const hasKubectl132 = version !== undefined && /Client Version: v1\.32\./.test(version);

interface Result {
  exitCode: number;
  stdout: string;
  stderr: string;
}

function parseFlags(flags: string[]): ExplainOptions {
  const opts: ExplainOptions = {};
  for (const flag of flags) {
    if (flag === '--recursive') opts.recursive = true;
    else if (flag.startsWith('--api-version=')) opts.apiVersion = flag.slice('--api-version='.length);
    else if (flag.startsWith('--output=')) opts.output = flag.slice('--output='.length) as ExplainOptions['output'];
  }
  return opts;
}

function runKubesim(args: string[]): Result {
  try {
    return { exitCode: 0, stdout: explain(args[0], parseFlags(args.slice(1))), stderr: '' };
  } catch (err) {
    if (!(err instanceof ExplainError)) throw err;
    return { exitCode: 1, stdout: err.output, stderr: err.message + '\n' };
  }
}

let server: FakeApiServer;
let cacheDir: string;

function runKubectl(args: string[]): Promise<Result> {
  const argv = ['--kubeconfig', server.kubeconfig, '--cache-dir', cacheDir, 'explain', ...args];
  return new Promise((resolve) => {
    execFile('kubectl', argv, { encoding: 'utf8', maxBuffer: 64 << 20 }, (err, stdout, stderr) => {
      const exitCode = err ? Number((err as { code?: number }).code ?? 1) : 0;
      resolve({ exitCode, stdout, stderr });
    });
  });
}

/** Lists every field path of every kind down to `depth` levels, in schema order. */
function fieldPaths(depth: number): string[][] {
  const schemas = explainSchemaData.schemas;
  const fieldsOf = (s: OpenApiSchema | undefined): Record<string, OpenApiSchema> => {
    if (!s) return {};
    if (s.$ref) return fieldsOf(schemas[s.$ref.replace('#/components/schemas/', '')]);
    if (s.allOf) return fieldsOf(s.allOf[0]);
    if (s.items) return fieldsOf(s.items);
    if (s.additionalProperties && typeof s.additionalProperties === 'object') return fieldsOf(s.additionalProperties);
    return s.properties ?? {};
  };
  const paths: string[][] = [];
  for (const k of explainKinds) {
    const apiVersion = `--api-version=${k.group ? k.group + '/' : ''}${k.version}`;
    const walk = (s: OpenApiSchema, path: string, level: number) => {
      for (const [name, sub] of Object.entries(fieldsOf(s))) {
        paths.push([`${path}.${name}`, apiVersion]);
        if (level < depth) walk(sub, `${path}.${name}`, level + 1);
      }
    };
    walk(schemas[k.definition], k.resource, 1);
  }
  return paths;
}

const CASES: string[][] = [
  ['deployment.spec.strategy.rollingUpdate'],
  ['pods'],
  ['pods.spec.containers'],
  ['pods.spec.containers.imagePullPolicy'],
  ['pods.spec.containers.resources.limits'],
  ['pods.metadata.creationTimestamp'],
  ['svc.spec.type'],
  ['svc.spec.ports.targetPort'],
  ['cronjob.spec.jobTemplate.spec.template.spec'],
  ['deploy', '--recursive'],
  ['rs.spec.template', '--recursive'],
  ['Deployment'],
  ['hpa'],
  ['hpa', '--api-version=autoscaling/v1'],
  ['hpa.spec.metrics', '--api-version=autoscaling/v2'],
  ['foo'],
  ['pods.spec.foo'],
  ['pods.foo.bar'],
  ['hpa', '--api-version=autoscaling/v3'],
  ['deployment', '--api-version=v1'],
  ['pods', '--output=yaml'],
  ['pods.'],
  ['deployments.apps'],
  ['deployments.apps.spec.strategy'],
  ['deploy.apps'],
  ['pods.spec..containers'],
  ['pods.spec..containers', '--api-version=v1'],
  ['.pods'],
  ['PODS'],
  ['pods.metadata.labels.foo'],
  ...explainKinds.map((k) => [k.resource, `--api-version=${k.group ? k.group + '/' : ''}${k.version}`]),
  ...explainKinds.map((k) => [k.resource, '--recursive', `--api-version=${k.group ? k.group + '/' : ''}${k.version}`]),
  // Every 7th field path two levels deep keeps the run short but covers every kind.
  ...fieldPaths(2).filter((_, i) => i % 7 === 0),
];

const V2 = '--output=plaintext-openapiv2';
const V2_CASES: string[][] = [
  ['rs', V2],
  ['deployment.spec.strategy', V2],
  ['deployment.spec.replicas', V2],
  ['pods.spec.containers.ports', V2],
  ['controllerrevisions.data', V2],
  ['cm.data', V2],
  ['pvc.status', V2],
  ['jobs.status', V2],
  ['pods.spec.foo', V2],
  ['pods.', V2],
  ['deployments.apps.spec', V2],
  ['pods.metadata.labels.foo', V2],
  ['pods.spec.containers.resources.limits.cpu', V2],
  ['pods.spec.containers.name.foo', V2],
  ['hpa', '--api-version=autoscaling/v3', V2],
  ['deployment', '--api-version=v1', V2],
  ...explainKinds.map((k) => [k.resource, '--recursive', `--api-version=${k.group ? k.group + '/' : ''}${k.version}`, V2]),
  ...fieldPaths(2)
    .filter((_, i) => i % 11 === 0)
    .map((args) => [...args, V2]),
];

describe.skipIf(!hasKubectl132)('explain against kubectl v1.32', () => {
  beforeAll(async () => {
    server = await startFakeApiServer();
    cacheDir = mkdtempSync(join(tmpdir(), 'kubesim-kubectl-cache-'));
  });

  afterAll(async () => {
    await server?.close();
  });

  const rows = [...CASES, ...V2_CASES].map((args) => [args.join(' '), args] as const);
  it.concurrent.for(rows)('matches kubectl explain %s', async ([, args], { expect }) => {
    const expected = await runKubectl(args);
    const actual = runKubesim(args);
    expect(actual.stdout).toBe(expected.stdout);
    expect(actual.stderr).toBe(expected.stderr);
    expect(actual.exitCode).toBe(expected.exitCode);
  });
});
