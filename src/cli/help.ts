/**
 * The root help page laid out as `kubectl --help` lays it out: kubectl's
 * groups with its verbs in its order, each summary in one column, then the
 * kubesim-only verbs. Verbs kubectl has are placed by this table, whatever
 * group their VERBS entry names, so the page keeps kubectl's shape as
 * verbs are added.
 */
import type { Verb } from './verbs.js';

/** kubectl v1.32's root help groups and the order of their verbs. */
export const KUBECTL_LAYOUT: [string, string[]][] = [
  ['Basic Commands (Beginner):', ['create', 'expose', 'run', 'set']],
  ['Basic Commands (Intermediate):', ['explain', 'get', 'edit', 'delete']],
  ['Deploy Commands:', ['rollout', 'scale', 'autoscale']],
  ['Cluster Management Commands:', ['certificate', 'cluster-info', 'top', 'cordon', 'uncordon', 'drain', 'taint']],
  ['Troubleshooting and Debugging Commands:', ['describe', 'logs', 'attach', 'exec', 'port-forward', 'proxy', 'cp', 'auth', 'debug', 'events']],
  ['Advanced Commands:', ['diff', 'apply', 'patch', 'replace', 'wait', 'kustomize']],
  ['Settings Commands:', ['label', 'annotate', 'completion']],
  ['Other Commands:', ['api-resources', 'api-versions', 'config', 'plugin', 'version']],
];

/** kubectl pads command names to the longest name it has (`__completeNoDesc`), 16 characters. */
const NAME_COLUMN = 16;

/** Renders the root help page for the given verb table. */
export function rootHelpText(verbs: Record<string, Verb>, groups: string[]): string {
  const lines = ["kubesim controls a simulated Kubernetes cluster with kubectl's commands.", '', ' Find more information at: https://kubernetes.io/docs/reference/kubectl/', ''];
  const placed = new Set<string>();
  const sections: [string, string[]][] = KUBECTL_LAYOUT.map(([group, names]) => {
    const present = names.filter((n) => verbs[n] && verbs[n].group !== 'hidden');
    for (const n of present) placed.add(n);
    return [group, present];
  });
  // Verbs kubectl does not have keep the group their table entry names.
  for (const group of groups) {
    const extra = Object.keys(verbs).filter((n) => !placed.has(n) && verbs[n].group === group);
    const section = sections.find(([g]) => g === group);
    if (section) section[1].push(...extra);
    else sections.push([group, extra]);
  }
  const width = Math.max(NAME_COLUMN, ...Object.keys(verbs).map((n) => n.length + 1));
  for (const [group, names] of sections) {
    if (names.length === 0) continue;
    lines.push(group);
    for (const n of names) lines.push(`  ${n.padEnd(width)}${verbs[n].summary}`);
    lines.push('');
  }
  lines.push(
    'Usage:',
    '  kubesim [flags] [options]',
    '',
    'Use "kubesim <command> --help" for more information about a given command.',
    'Use "kubesim options" for a list of global command-line options (applies to all commands).',
    '',
  );
  return lines.join('\n');
}
