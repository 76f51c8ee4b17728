import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Sandbox } from '../helpers/cli.js';
import { hasKubectl, NO_KUBECTL } from '../printers/kubectl-golden.js';

/**
 * Command lines that fail on their arguments alone, with the stderr that
 * kubectl v1.32 prints for each (exit code 1). kubectl reaches no server for
 * any of them.
 */
const KUBECTL_CASES: [args: string[], stderr: string][] = [
  [['log', 'foo'], 'Error: unknown command "log" for "kubectl"\n\nDid you mean this?\n\ttop\n\tlogs\n\n'],
  [['frobnicate'], 'Error: unknown command "frobnicate" for "kubectl"\n'],
  [['optons'], 'Error: unknown command "optons" for "kubectl"\n\nDid you mean this?\n\toptions\n\n'],
  [['--version'], "Error: unknown flag: --version\nSee 'kubectl --help' for usage.\n"],
  [['-x'], "Error: unknown shorthand flag: 'x' in -x\nSee 'kubectl --help' for usage.\n"],
  [['get', 'pods', '--foo'], "Error: unknown flag: --foo\nSee 'kubectl get --help' for usage.\n"],
  [['create', 'deployment', 'a', '--image=x', '--replicas=abc'], 'Error: invalid argument "abc" for "-r, --replicas" flag: strconv.ParseInt: parsing "abc": invalid syntax\nSee \'kubectl create deployment --help\' for usage.\n'],
  [
    ['get'],
    'You must specify the type of resource to get. Use "kubectl api-resources" for a complete list of supported resources.\n\nerror: Required resource not specified.\n' +
      'Use "kubectl explain <resource>" for a detailed description of that resource (e.g. kubectl explain pods).\nSee \'kubectl get -h\' for help and examples\n',
  ],
  [['get', 'pod/a', 'pods'], "error: there is no need to specify a resource type as a separate argument when passing arguments in resource/name form (e.g. 'kubectl get resource/<resource_name>' instead of 'kubectl get resource resource/<resource_name>'\n"],
  [['explain'], 'error: You must specify the type of resource to explain. Use "kubectl api-resources" for a complete list of supported resources.\n'],
  [['describe'], 'error: You must specify the type of resource to describe. Use "kubectl api-resources" for a complete list of supported resources.\n'],
  [['rollout', 'foo'], "error: unknown command \"foo\"\nSee 'kubectl rollout -h' for help and examples\n"],
  [['create', 'service', 'foo'], "error: unknown command \"foo\"\nSee 'kubectl create service -h' for help and examples\n"],
  [['create', 'service', 'foo', 'a'], "error: unknown command \"foo a\"\nSee 'kubectl create service -h' for help and examples\n"],
  [['create', 'service', 'foo', '--', 'a', 'b'], "error: unknown command \"foo a b\"\nSee 'kubectl create service -h' for help and examples\n"],
  [['create', 'service', 'foo', 'a', '--tcp=1'], "Error: unknown flag: --tcp\nSee 'kubectl create service --help' for usage.\n"],
  [['rollout', 'foo', '-n', 'x', 'a', 'b'], "error: unknown command \"foo a b\"\nSee 'kubectl rollout -h' for help and examples\n"],
  [['create', 'secret', 'fo"o', 'a'], "error: unknown command \"fo\\\"o a\"\nSee 'kubectl create secret -h' for help and examples\n"],
  [['create', 'foo'], "error: Unexpected args: [foo]\nSee 'kubectl create -h' for help and examples\n"],
  [['create'], 'error: must specify one of -f and -k\n'],
  [['apply', 'foo', 'a'], "error: Unexpected args: [foo a]\nSee 'kubectl apply -h' for help and examples\n"],
  [['apply', '-f', 'x.yaml', 'foo'], "error: Unexpected args: [foo]\nSee 'kubectl apply -h' for help and examples\n"],
  [['create', 'job'], "error: exactly one NAME is required, got 0\nSee 'kubectl create job -h' for help and examples\n"],
  [['create', 'cronjob', '--image=x', '--schedule=* * * * *'], "error: exactly one NAME is required, got 0\nSee 'kubectl create cronjob -h' for help and examples\n"],
  [['create', 'deployment', 'a', '--image=x', '--image=y', '--', 'date'], 'error: cannot specify multiple --image options and command\n'],
  [['create', 'deployment', '--image=x'], "error: exactly one NAME is required, got 0\nSee 'kubectl create deployment -h' for help and examples\n"],
  [['run', '--image=x'], "error: NAME is required for run\nSee 'kubectl run -h' for help and examples\n"],
  [['create', 'deployment', 'x', '--image=y', '--dry-run=client', '-o', 'jsonpath={.metadata.name'], 'error: error parsing jsonpath {.metadata.name, unclosed action\n'],
  [['create', 'deployment', 'x', '--image=y', '--dry-run=client', '-o', 'jsonpath={.metadata[}'], 'error: error parsing jsonpath {.metadata[}, unterminated array\n'],
  [['create', 'deployment', 'x', '--image=y', '--dry-run=client', '-o', 'go-template={{.x'], 'error: error parsing template {{.x, template: output:1: unclosed action\n'],
  [['label'], 'error: one or more resources must be specified as <resource> <name> or <resource>/<name>\n'],
  [['label', 'pods', 'a'], 'error: at least one label update is required\n'],
  [['annotate', 'pods'], 'error: at least one annotation update is required\n'],
  [['taint', 'nodes', 'a'], 'error: at least one taint update is required\n'],
  [['config', 'use-context'], 'error: Unexpected args: []\n'],
  [['rollout', 'status'], 'error: required resource not specified\n'],
  [['cordon'], "error: USAGE: cordon NODE [flags]\nSee 'kubectl cordon -h' for help and examples\n"],
  [['drain'], "error: USAGE: drain NODE [flags]\nSee 'kubectl drain -h' for help and examples\n"],
  [['logs'], "error: expected 'logs [-f] [-p] (POD | TYPE/NAME) [-c CONTAINER]'.\nPOD or TYPE/NAME is a required argument for the logs command\nSee 'kubectl logs -h' for help and examples\n"],
  [['top', 'pod', 'a', 'b'], "error: pod [NAME | -l label]\nSee 'kubectl top pod -h' for help and examples\n"],
  [['completion', 'foo'], "error: Unsupported shell type \"foo\".\nSee 'kubectl completion -h' for help and examples\n"],
  [['expose'], "error: You must provide one or more resources by argument or filename.\nExample resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n   '<resource> <name>'\n   '<resource>'\n"],
];

describe('usage errors of kubectl verbs', () => {
  const sb = new Sandbox();
  beforeAll(() => {
    expect(sb.run(['cluster', 'create', 'u', '--clock', 'manual', '--seed', '1']).code).toBe(0);
  });
  afterAll(() => sb.cleanup());

  it.each(KUBECTL_CASES)('prints kubectl\'s words for %j', (args, stderr) => {
    const r = sb.on('u', args);
    expect(r.stderr).toBe(stderr);
    expect(r.code).toBe(1);
  });

  it('prints no help for an unknown root flag', () => {
    expect(sb.on('u', ['--version']).stdout).toBe('');
  });

  it('prints help for known root flags alone', () => {
    const r = sb.on('u', ['-n', 'shop']);
    expect(r.stdout).toContain('Basic Commands (Beginner):\n');
    expect(r.code).toBe(0);
  });

  it.skipIf(!hasKubectl)(`matches the real kubectl on every case (${NO_KUBECTL})`, () => {
    // A kubeconfig whose server is a closed loopback port, so kubectl can reach nothing else.
    const kubeconfig = join(sb.home, 'loopback-kubeconfig');
    writeFileSync(
      kubeconfig,
      'apiVersion: v1\nkind: Config\nclusters:\n- cluster: {server: "http://127.0.0.1:1"}\n  name: local\n' +
        'contexts:\n- context: {cluster: local, user: u}\n  name: local\ncurrent-context: local\nusers:\n- name: u\n  user: {}\n',
    );
    for (const [args, stderr] of KUBECTL_CASES) {
      const r = spawnSync('kubectl', args, { encoding: 'utf8', env: { ...process.env, KUBECONFIG: kubeconfig } });
      expect(r.stderr, args.join(' ')).toBe(stderr);
      expect(r.status, args.join(' ')).toBe(1);
    }
  });
});

/** Command lines missing a required flag: cobra reports it through klog before kubectl checks the arguments. */
const REQUIRED_FLAG_CASES: [args: string[], flags: string][] = [
  [['create', 'deployment'], '\\"image\\"'],
  [['create', 'deployment', 'a', 'b'], '\\"image\\"'],
  [['run'], '\\"image\\"'],
  [['create', 'cronjob'], '\\"image\\", \\"schedule\\"'],
];

/** Replaces klog's date, time and process id, which differ between runs. */
function withoutKlogHeader(text: string): string {
  return text.replace(/^E\d{4} \d\d:\d\d:\d\d\.\d{6} +\d+ /, 'E0000 00:00:00.000000 1 ');
}

describe('missing required flags', () => {
  const sb = new Sandbox();
  beforeAll(() => {
    expect(sb.run(['cluster', 'create', 'u', '--clock', 'manual', '--seed', '1']).code).toBe(0);
  });
  afterAll(() => sb.cleanup());

  it.each(REQUIRED_FLAG_CASES)('are reported before the arguments of %j', (args, flags) => {
    const r = sb.on('u', args);
    expect(withoutKlogHeader(r.stderr)).toBe(`E0000 00:00:00.000000 1 run.go:72] "command failed" err="required flag(s) ${flags} not set"\n`);
    expect(r.code).toBe(1);
  });

  it.skipIf(!hasKubectl)(`match the real kubectl (${NO_KUBECTL})`, () => {
    for (const [args] of REQUIRED_FLAG_CASES) {
      const r = spawnSync('kubectl', args, { encoding: 'utf8', env: { ...process.env, KUBECONFIG: join(sb.home, 'no-kubeconfig') } });
      expect(withoutKlogHeader(r.stderr), args.join(' ')).toBe(withoutKlogHeader(sb.on('u', args).stderr));
      expect(r.status, args.join(' ')).toBe(1);
    }
  });
});

describe('usage errors of simulator verbs', () => {
  const sb = new Sandbox();
  afterAll(() => sb.cleanup());

  it('names kubesim in the help hint', () => {
    const r = sb.run(['clock', 'advance']);
    expect(r.stderr).toBe("error: a duration is required (for example 90s, 10m or 2h)\nSee 'kubesim clock advance -h' for help and examples\n");
    expect(r.code).toBe(1);
  });

  it('names kubesim for an unknown subcommand', () => {
    const r = sb.run(['cluster', 'foo']);
    expect(r.stderr).toBe("error: unknown command \"foo\"\nSee 'kubesim cluster -h' for help and examples\n");
    expect(r.code).toBe(1);
  });

  it('suggests a simulator verb when no kubectl verb is close', () => {
    const r = sb.run(['clok']);
    expect(r.stderr).toBe('Error: unknown command "clok" for "kubectl"\n\nDid you mean this?\n\tclock\n\n');
    expect(r.code).toBe(1);
  });
});

describe('the log alias', () => {
  const sb = new Sandbox();
  beforeAll(() => {
    expect(sb.run(['cluster', 'create', 'old', '--clock', 'manual', '--seed', '1', '--kubernetes-version', '1.15']).code).toBe(0);
    expect(sb.run(['cluster', 'create', 'new16', '--clock', 'manual', '--seed', '1', '--kubernetes-version', '1.16']).code).toBe(0);
  });
  afterAll(() => sb.cleanup());

  it('still works with a warning on 1.15', () => {
    const r = sb.on('old', ['log', 'nopod']);
    expect(r.stderr).toBe('log is DEPRECATED and will be removed in a future version. Use logs instead.\nError from server (NotFound): pods "nopod" not found\n');
    expect(r.code).toBe(1);
  });

  it('is an unknown command from 1.16 on', () => {
    const r = sb.on('new16', ['log', 'nopod']);
    expect(r.stderr).toBe('Error: unknown command "log" for "kubectl"\n\nDid you mean this?\n\ttop\n\tlogs\n\n');
    expect(r.code).toBe(1);
  });

  it('follows the cluster chosen with --context=', () => {
    const r = sb.run(['log', '--context=old', 'nopod']);
    expect(r.stderr).toBe('log is DEPRECATED and will be removed in a future version. Use logs instead.\nError from server (NotFound): pods "nopod" not found\n');
    expect(r.code).toBe(1);
  });
});
