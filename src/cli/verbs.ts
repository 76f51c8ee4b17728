/**
 * The verb table: each verb's help group, one-line summary, and a loader
 * that imports its module only when the verb runs.
 */
import type { CommandDef } from '../commands/types.js';

export interface Verb {
  group: string;
  summary: string;
  load: () => Promise<{ command: CommandDef }>;
  /** Old names kubectl still accepts, with the deprecation message it prints. */
  deprecatedAlias?: string;
}

export const GROUPS = [
  'Basic Commands (Beginner):',
  'Basic Commands (Intermediate):',
  'Deploy Commands:',
  'Cluster Management Commands:',
  'Troubleshooting and Debugging Commands:',
  'Advanced Commands:',
  'Settings Commands:',
  'Other Commands:',
  'Simulator Commands:',
];

export const VERBS: Record<string, Verb> = {
  create: { group: GROUPS[0], summary: 'Create a resource from a file or from stdin', load: () => import('../commands/create/index.js') },
  get: { group: GROUPS[1], summary: 'Display one or many resources', load: () => import('../commands/get/index.js') },
  delete: { group: GROUPS[1], summary: 'Delete resources by file names, stdin, resources and names, or by resources and label selector', load: () => import('../commands/delete/index.js') },
  describe: { group: GROUPS[4], summary: 'Show details of a specific resource or group of resources', load: () => import('../commands/describe/index.js') },
  logs: { group: GROUPS[4], summary: 'Print the logs for a container in a pod', load: () => import('../commands/logs/index.js') },
  attach: { group: GROUPS[4], summary: 'Attach to a running container', load: () => import('../commands/attach/index.js') },
  auth: { group: GROUPS[4], summary: 'Inspect authorization', load: () => import('../commands/auth/index.js') },
  exec: { group: GROUPS[4], summary: 'Execute a command in a container', load: () => import('../commands/exec/index.js') },
  diff: { group: GROUPS[5], summary: 'Diff the live version against a would-be applied version', load: () => import('../commands/diff/index.js') },
  apply: { group: GROUPS[5], summary: 'Apply a configuration to a resource by file name or stdin', load: () => import('../commands/apply/index.js') },
  label: { group: GROUPS[6], summary: 'Update the labels on a resource', load: () => import('../commands/label/index.js') },
  annotate: { group: GROUPS[6], summary: 'Update the annotations on a resource', load: () => import('../commands/annotate/index.js') },
  cluster: { group: GROUPS[8], summary: 'Create, list, select and delete simulated clusters', load: () => import('../commands/cluster/index.js') },
  clock: { group: GROUPS[8], summary: "Show or advance the cluster's simulated clock", load: () => import('../commands/clock/index.js') },
  version: { group: GROUPS[7], summary: 'Print the client and server version information', load: () => import('../commands/version/index.js') },
  'api-resources': { group: GROUPS[7], summary: 'Print the supported API resources on the server', load: () => import('../commands/api-resources/index.js') },
  'api-versions': { group: GROUPS[7], summary: 'Print the supported API versions on the server, in the form of "group/version"', load: () => import('../commands/api-versions/index.js') },
  'cluster-info': { group: GROUPS[3], summary: 'Display cluster information', load: () => import('../commands/cluster-info/index.js') },
  config: { group: GROUPS[7], summary: 'Modify kubeconfig files', load: () => import('../commands/config/index.js') },
  kustomize: { group: GROUPS[5], summary: 'Build a kustomization target from a directory or URL', load: () => import('../commands/kustomize/index.js') },
  patch: { group: GROUPS[5], summary: 'Update fields of a resource', load: () => import('../commands/patch/index.js') },
  replace: { group: GROUPS[5], summary: 'Replace a resource by file name or stdin', load: () => import('../commands/replace/index.js') },
  edit: { group: GROUPS[1], summary: 'Edit a resource on the server', load: () => import('../commands/edit/index.js') },
  completion: { group: GROUPS[6], summary: 'Output shell completion code for the specified shell (bash, zsh, fish)', load: () => import('../commands/completion/index.js') },
  __complete: { group: 'hidden', summary: 'Print completion candidates', load: () => import('../commands/__complete/index.js') },
  'port-forward': { group: GROUPS[4], summary: 'Forward one or more local ports to a pod', load: () => import('../commands/port-forward/index.js') },
  events: { group: GROUPS[4], summary: 'List events', load: () => import('../commands/events/index.js') },
  convert: { group: GROUPS[5], summary: 'Convert config files between different API versions', load: () => import('../commands/convert/index.js') },
  explain: { group: GROUPS[1], summary: 'Get documentation for a resource', load: () => import('../commands/explain/index.js') },
  curl: { group: GROUPS[8], summary: 'Send an HTTP request to a pod or Service inside the simulated network', load: () => import('../commands/curl/index.js') },
  scale: { group: GROUPS[2], summary: 'Set a new size for a deployment, replica set, or replication controller', load: () => import('../commands/scale/index.js') },
  set: { group: GROUPS[1], summary: 'Set specific features on objects', load: () => import('../commands/set/index.js') },
  rollout: { group: GROUPS[2], summary: 'Manage the rollout of a resource', load: () => import('../commands/rollout/index.js') },
  wait: { group: GROUPS[5], summary: 'Experimental: Wait for a specific condition on one or many resources', load: () => import('../commands/wait/index.js') },
  daemon: { group: GROUPS[8], summary: 'Start, stop or inspect the background process that keeps a cluster ticking', load: () => import('../commands/daemon/index.js') },
  cordon: { group: GROUPS[3], summary: 'Mark node as unschedulable', load: () => import('../commands/cordon/index.js') },
  uncordon: { group: GROUPS[3], summary: 'Mark node as schedulable', load: () => import('../commands/uncordon/index.js') },
  drain: { group: GROUPS[3], summary: 'Drain node in preparation for maintenance', load: () => import('../commands/drain/index.js') },
  taint: { group: GROUPS[3], summary: 'Update the taints on one or more nodes', load: () => import('../commands/taint/index.js') },
  node: { group: GROUPS[8], summary: 'Add, remove, fail, recover or reboot simulated nodes, and load images onto them', load: () => import('../commands/node/index.js') },
  top: { group: GROUPS[3], summary: 'Display resource (CPU/memory) usage', load: () => import('../commands/top/index.js') },
  autoscale: { group: GROUPS[2], summary: 'Auto-scale a deployment, replica set, stateful set, or replication controller', load: () => import('../commands/autoscale/index.js') },
  load: { group: GROUPS[8], summary: 'Put simulated CPU load on a workload, pod or Service', load: () => import('../commands/load/index.js') },
  replay: { group: GROUPS[8], summary: "Replay a tutorial's transcript on a fresh cluster and report where the output matches", load: () => import('../commands/replay/index.js') },
  expose: { group: GROUPS[0], summary: 'Take a replication controller, service, deployment or pod and expose it as a new Kubernetes service', load: () => import('../commands/expose/index.js') },
  run: { group: GROUPS[0], summary: 'Run a particular image on the cluster', load: () => import('../commands/run/index.js') },
  options: { group: 'hidden', summary: 'Print the list of flags inherited by all commands', load: () => import('../commands/options/index.js') },
};

/**
 * Returns the program name that messages about `verb` use: `kubesim` for the
 * simulator's own verbs, `kubectl` for the verbs kubesim mirrors, because
 * users compare those messages with kubectl's word for word.
 */
export function programName(verb: string): 'kubesim' | 'kubectl' {
  return VERBS[verb]?.group === GROUPS[8] ? 'kubesim' : 'kubectl';
}

/** A deprecated spelling of a verb, as kubectl accepted it until `removedIn`. */
export interface VerbAlias {
  verb: string;
  /** The stderr line kubectl printed before running the verb. */
  warning: string;
  /** The first Kubernetes version (major*100+minor) whose kubectl no longer has the alias. */
  removedIn: number;
}

/** Verbs that exist only as deprecated spellings of another verb. */
export const ALIASES: Record<string, VerbAlias> = {
  // kubectl 1.16 removed `log`; from then on it is an unknown command.
  log: { verb: 'logs', warning: 'log is DEPRECATED and will be removed in a future version. Use logs instead.', removedIn: 116 },
};
