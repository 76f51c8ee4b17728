import { afterAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { Sandbox } from '../helpers/cli.js';
import { hasKubectl, NO_KUBECTL } from '../printers/kubectl-golden.js';

/** The `Group:` headers and `  verb   summary` rows of a root help page, keyed by group. */
function sections(text: string): Map<string, string[]> {
  const out = new Map<string, string[]>();
  let current: string[] | undefined;
  for (const line of text.split('\n')) {
    if (/^[A-Z].*:$/.test(line) && line !== 'Usage:') out.set(line, (current = []));
    else if (line.startsWith('  ') && current) current.push(line);
    else current = undefined;
  }
  return out;
}

describe('root help', () => {
  const sb = new Sandbox();
  afterAll(() => sb.cleanup());

  it.skipIf(!hasKubectl)(`lists each verb kubesim shares with kubectl in kubectl's group, order and column (${NO_KUBECTL})`, () => {
    const ours = sections(sb.run(['help']).stdout);
    const theirs = sections(execFileSync('kubectl', ['--help'], { encoding: 'utf8' }));
    for (const [group, rows] of theirs) {
      if (rows.length === 0) continue;
      const mine = ours.get(group) ?? [];
      const verbsOf = (list: string[]) => list.map((r) => r.trim().split(/\s+/)[0]);
      const shared = rows.filter((r) => verbsOf(mine).includes(r.trim().split(/\s+/)[0]));
      // completion's summary names powershell, which kubesim does not support.
      const comparable = (list: string[]) => list.filter((r) => !r.trim().startsWith('completion'));
      expect(comparable(mine.filter((r) => verbsOf(shared).includes(r.trim().split(/\s+/)[0])))).toEqual(comparable(shared));
    }
  });

  it('puts the simulator verbs in their own group after kubectl groups', () => {
    const text = sb.run(['help']).stdout;
    expect(text).toContain('Simulator Commands:\n  cluster         Create, list, select and delete simulated clusters\n');
    expect(text.indexOf('Other Commands:')).toBeLessThan(text.indexOf('Simulator Commands:'));
  });

  it.skipIf(!hasKubectl)(`lists rollout subcommands as kubectl does (${NO_KUBECTL})`, () => {
    const block = (text: string) => text.slice(text.indexOf('Available Commands:'), text.indexOf('\n\n', text.indexOf('Available Commands:')));
    expect(block(sb.run(['rollout', '--help']).stdout)).toBe(block(execFileSync('kubectl', ['rollout', '--help'], { encoding: 'utf8' })));
  });

  it('lists create subcommands sorted, with summaries and without aliases', () => {
    const text = sb.run(['create', '--help']).stdout;
    expect(text).toContain('Available Commands:\n  clusterrole           Create a cluster role\n');
    expect(text).toContain('\n  configmap             Create a config map from a local file, directory or literal value\n');
    expect(text).toContain('\n  service               Create a service using a specified subcommand\n');
    expect(text).not.toContain('\n  svc ');
    expect(text).not.toContain('\n  pdb ');
  });

  it('prints the global options with kubectl options', () => {
    const r = sb.run(['options']);
    expect(r.stdout).toContain("    --request-timeout='0':\n");
    expect(r.stdout).toContain('    -v, --v=0:\n');
  });

  it('accepts -v and --request-timeout on any verb', () => {
    const r = sb.run(['-v', '6', '--request-timeout=5s', 'version', '--client']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Client Version: v1.32.4\n');
  });

  it('prints group help to stderr and fails without a subcommand', () => {
    const help = sb.run(['set', '--help']).stdout;
    const r = sb.run(['set']);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(help);
    expect(help.startsWith('Configure application resources.\n')).toBe(true);
  });

  it('prints rollout help to stdout and fails without a subcommand', () => {
    const r = sb.run(['rollout']);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe(sb.run(['rollout', '--help']).stdout);
  });

  it('prints nested group help to stderr for create secret', () => {
    const r = sb.run(['create', 'secret']);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(sb.run(['create', 'secret', '--help']).stdout);
  });

  it('reports an unknown help topic with the root usage', () => {
    const root = sb.run(['help']).stdout;
    const r = sb.run(['help', 'nosuch']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(`Unknown help topic [\`nosuch\`]\n\n\n${root.slice(root.indexOf('Basic Commands (Beginner):'))}`);
  });
});
