/**
 * `kubectl logs`: a container's output up to the current simulated time,
 * with --tail, --since, --timestamps, --previous, -c, TYPE/NAME forms and
 * --all-pods, and -f following the container as simulated time passes.
 */
import type { CommandDef } from '../types.js';
import type { KObject } from '../../api/types.js';
import { ApiError, FlagError, UsageError, invalid, invalidValue } from '../../api/errors.js';
import { matches, parseSelector } from '../../api/selectors.js';
import type { Cluster } from '../../engine/cluster.js';
import { followStreams, type FollowedStream } from './follow.js';
import { findPodsNamingNamespace } from './find-pods.js';
import { logAttempt } from './attempt.js';
import { parseRfc3339 } from './rfc3339.js';
import { prefixLines, truncateToBytes } from './limit-bytes.js';

function rfc3339Nano(ms: number): string {
  return new Date(ms).toISOString().replace(/\.(\d{3})Z$/, '.$1000000Z');
}

/** The container's output as the kubelet returns it: filtered by --since, --since-time and --tail, then cut to --limit-bytes. */
function containerText(cluster: Cluster, pod: KObject, container: string, opts: any): string {
  if (!isScheduled(pod)) return '';
  const attempt = logAttempt(pod, container, opts.previous);
  let lines = cluster.store.readLogs(pod.metadata.uid!, container, attempt, cluster.simNow);
  if (opts.sinceSeconds > 0) lines = lines.filter((l) => l.ts >= cluster.simNow - opts.sinceSeconds * 1000);
  if (opts.sinceTime !== undefined) lines = lines.filter((l) => l.ts >= opts.sinceTime);
  if (opts.tail >= 0) lines = lines.slice(Math.max(0, lines.length - opts.tail));
  const text = lines.map((l) => (opts.timestamps ? `${rfc3339Nano(l.ts)} ${l.line}` : l.line) + '\n').join('');
  return opts.limitBytes > 0 ? truncateToBytes(text, opts.limitBytes) : text;
}

/**
 * Reports whether the pod is bound to a node. For a pod without a node the
 * API server's LogLocation returns no kubelet location, so the log request
 * returns 204 No Content. kubectl then prints nothing and exits 0, even with -f.
 */
function isScheduled(pod: KObject): boolean {
  return !!pod.spec?.nodeName;
}

/**
 * Returns the --since-time the API server receives: kubectl sends it as a
 * query parameter formatted with Go's time.RFC3339 layout
 * (metav1.Time.MarshalQueryParameter), which drops the fraction of a second.
 * So `--since-time=...T10:00:05.9Z` also returns the lines of 10:00:05.2.
 */
function sentSinceTime(ms: number): number {
  return Math.floor(ms / 1000) * 1000;
}

/** The first release (1.31 is 131) whose kubectl has `logs --all-pods`. */
const ALL_PODS_SINCE = 131;

/** The lines kubectl requests when it selects pods by label and --tail is not given. */
const SELECTOR_TAIL = 10;

const LOGS_USAGE = "expected 'logs [-f] [-p] (POD | TYPE/NAME) [-c CONTAINER]'.\nPOD or TYPE/NAME is a required argument for the logs command";

/** Checks the arguments as kubectl's LogsOptions.Complete does, before it reads any flag value or looks a pod up. */
function checkArguments(args: string[], selector: string): void {
  if (args.length === 0 && !selector) throw new UsageError(LOGS_USAGE, true);
  if (args.length === 1 && selector) throw new UsageError('only a selector (-l) or a POD name is allowed', true);
  if (args.length > 2) throw new UsageError(LOGS_USAGE, true);
}

/**
 * Rounds --since to whole seconds as kubectl does (time.Duration.Round, half
 * away from zero); undefined when the flag is zero.
 */
function sinceSeconds(sinceMs: number): number | undefined {
  if (sinceMs === 0) return undefined;
  return Math.sign(sinceMs) * Math.round(Math.abs(sinceMs) / 1000);
}

/** Checks the flags as kubectl's LogsOptions.Validate does, which runs after the pod lookup. */
function validateOptions(f: Record<string, any>, containerFlagSet: boolean, containerArgument: string | undefined, seconds: number | undefined, tail: number): void {
  if (f['since-time'] && f.since !== 0) throw new UsageError('at most one of `sinceTime` or `sinceSeconds` may be specified');
  const container = containerArgument ?? f.container;
  if (f['all-containers'] && container) throw new UsageError(`--all-containers=true should not be specified with container name ${container}`);
  if (containerFlagSet && containerArgument !== undefined) throw new UsageError('only one of -c or an inline [CONTAINER] arg is allowed');
  if (f['limit-bytes'] < 0) throw new UsageError('--limit-bytes must be greater than 0');
  if (seconds !== undefined && seconds < 0) throw new UsageError('--since must be greater than 0');
  if (tail < -1) throw new UsageError('--tail must be greater than or equal to -1');
}

export const command: CommandDef = {
  use: 'logs [-f] [-p] (POD | TYPE/NAME) [-c CONTAINER]',
  short: 'Print the logs for a container in a pod or specified resource.',
  examples: '  # Return snapshot logs from pod nginx with only one container\n  kubesim logs nginx',
  flags: [
    { name: 'container', short: 'c', type: 'string', default: '', help: 'Print the logs of this container' },
    { name: 'follow', short: 'f', type: 'bool', default: false, help: 'Specify if the logs should be streamed.' },
    { name: 'previous', short: 'p', type: 'bool', default: false, help: 'If true, print the logs for the previous instance of the container in a pod if it exists.' },
    { name: 'tail', type: 'int', default: -1, help: 'Lines of recent log file to display.' },
    { name: 'since', type: 'duration', default: 0, help: 'Only return logs newer than a relative duration like 5s, 2m, or 3h.' },
    { name: 'since-time', type: 'string', default: '', help: 'Only return logs after a specific date (RFC3339).' },
    { name: 'timestamps', type: 'bool', default: false, help: 'Include timestamps on each line in the log output' },
    { name: 'all-containers', type: 'bool', default: false, help: 'Get all containers\' logs in the pod(s).' },
    { name: 'selector', short: 'l', type: 'string', default: '', help: 'Selector (label query) to filter on.' },
    { name: 'prefix', type: 'bool', default: false, help: 'Prefix each log line with the log source (pod name and container name)' },
    { name: 'all-pods', type: 'bool', default: false, help: 'Get logs from all pod(s). Sets prefix to true.' },
    { name: 'max-log-requests', type: 'int', default: 5, help: 'Specify maximum number of concurrent logs to follow when using by a selector.' },
    { name: 'limit-bytes', type: 'int', default: 0, help: 'Maximum bytes of logs to return. Defaults to no limit.' },
    { name: 'ignore-errors', type: 'bool', default: false, help: 'If watching / following pod logs, allow for any errors that occur to be non-fatal' },
    { name: 'pod-running-timeout', type: 'duration', default: 20_000, help: 'The length of time (like 5s, 2m, or 3h, higher than zero) to wait until at least one pod is running' },
  ],
  async run(ctx, parsed) {
    const f = ctx.flags;
    const allPods: boolean = f['all-pods'];
    // cobra rejects the flag before anything else in kubectl releases that lack it.
    if (parsed.set.has('all-pods') && ctx.cluster().settings.version < ALL_PODS_SINCE) throw new FlagError('unknown flag: --all-pods');
    checkArguments(parsed.args, f.selector);
    // kubectl's Complete checks the timeout before it reads the other flags.
    if (f['pod-running-timeout'] <= 0) throw new UsageError('--pod-running-timeout must be higher than zero');
    // kubectl checks --since-time before it looks the pod up.
    const sinceTime = f['since-time'] ? sentSinceTime(parseRfc3339(f['since-time'])) : undefined;
    const cluster = ctx.cluster();
    const ns = ctx.namespace;
    let pods: KObject[];
    // kubectl names the pod it picked from a workload only after it validated the flags.
    const podNotes: string[] = [];
    if (f.selector) {
      const sel = parseSelector(f.selector);
      pods = cluster.store.list('pods', ns).filter((p) => matches(sel, p.metadata.labels));
      if (pods.length === 0) {
        ctx.io.err(`No resources found in ${ns} namespace.\n`);
        return 0;
      }
    } else {
      const found = await findPodsNamingNamespace(cluster, parsed.args[0], ns, f['pod-running-timeout']);
      pods = allPods ? found : found.slice(0, 1);
      if (!allPods && found.length > 1) podNotes.push(`Found ${found.length} pods, using pod/${found[0].metadata.name}\n`);
    }
    const containerArgument: string | undefined = parsed.args[1];
    const tail = f.selector && !parsed.set.has('tail') ? SELECTOR_TAIL : f.tail;
    const seconds = sinceSeconds(f.since);
    validateOptions(f, parsed.set.has('container'), containerArgument, seconds, tail);
    for (const note of podNotes) ctx.io.err(note);
    if (containerArgument !== undefined) f.container = containerArgument;

    const limitBytes: number = f['limit-bytes'];
    const opts = { previous: f.previous, tail, sinceSeconds: seconds ?? 0, sinceTime, timestamps: f.timestamps, limitBytes };
    const out: string[] = [];
    const streams: FollowedStream[] = [];
    for (const pod of pods) {
      // A --since under half a second rounds to sinceSeconds=0, which the API server's ValidatePodLogOptions rejects.
      if (seconds === 0) throw invalid('PodLogOptions', pod.metadata.name, [invalidValue('sinceSeconds', 0, 'must be greater than 0')]);
      const names: string[] = (pod.spec?.containers ?? []).map((c: any) => c.name);
      const initNames: string[] = (pod.spec?.initContainers ?? []).map((c: any) => c.name);
      let chosen: string[];
      // kubectl lists a pod's init containers before its app containers for --all-containers.
      if (f['all-containers']) chosen = initNames.length > 0 ? [...initNames, ...names] : names;
      else if (f.container) {
        if (!names.includes(f.container) && !initNames.includes(f.container)) {
          // From 1.17 kubectl looks the container up itself before it requests the logs.
          const message = `container ${f.container} is not valid for pod ${pod.metadata.name}`;
          throw cluster.settings.version >= 117 ? new UsageError(message) : new ApiError('BadRequest', 400, message);
        }
        chosen = [f.container];
      } else if (f.selector && !allPods && names.length > 1) chosen = [names[0]];
      else {
        // With --all-pods kubectl picks the default container without naming it on stderr.
        const note = allPods ? () => {} : ctx.io.err;
        chosen = [defaultContainer(pod, names, cluster.settings.version, note)];
      }
      for (const c of chosen) {
        const prefix = f.prefix || allPods ? `[pod/${pod.metadata.name}/${c}] ` : '';
        let text: string;
        try {
          text = containerText(cluster, pod, c, opts);
        } catch (err) {
          // With --ignore-errors kubectl prints a failed request's error among the logs and reads the rest.
          if (!f['ignore-errors'] || !(err instanceof ApiError)) throw err;
          out.push(`error: ${err.message}\n`);
          continue;
        }
        out.push(prefixLines(text, prefix));
        if (f.follow && isScheduled(pod)) {
          const attempt = logAttempt(pod, c, f.previous);
          streams.push({
            namespace: ns, pod: pod.metadata.name, podUid: pod.metadata.uid!, container: c, attempt,
            printed: cluster.store.readLogs(pod.metadata.uid!, c, attempt, cluster.simNow).length,
            format: (l) => (f.timestamps ? `${rfc3339Nano(l.ts)} ${l.line}` : l.line),
            prefix,
            bytesLeft: limitBytes > 0 ? limitBytes - Buffer.byteLength(text, 'utf8') : undefined,
          });
        }
      }
    }
    if (f.follow && streams.length > f['max-log-requests']) {
      throw new UsageError(`you are attempting to follow ${streams.length} log streams, but maximum allowed concurrency is ${f['max-log-requests']}, use --max-log-requests to increase the limit`);
    }
    ctx.io.out(out.join(''));
    if (f.follow && !f.previous) await followStreams(cluster, streams, (text) => ctx.io.out(text));
  },
};

/** The pod annotation that names the container kubectl picks when -c is not given (kubectl 1.21+). */
const DEFAULT_CONTAINER_ANNOTATION = 'kubectl.kubernetes.io/default-container';

/**
 * Picks the container of a multi-container pod when -c is not given, as
 * kubectl's podcmd.FindOrDefaultContainerByName does. From 1.21 the
 * default-container annotation names it. From 1.24 kubectl falls back to the
 * first container and warns. Before that it requires a name.
 */
function defaultContainer(pod: KObject, names: string[], version: number, err: (text: string) => void): string {
  const annotated = pod.metadata.annotations?.[DEFAULT_CONTAINER_ANNOTATION];
  if (version >= 121 && annotated && names.includes(annotated)) return annotated;
  const inits = pod.spec?.initContainers ?? [];
  const ephemeral = pod.spec?.ephemeralContainers ?? [];
  const alone = names.length === 1 && inits.length === 0 && ephemeral.length === 0;
  if (alone || (names.length === 1 && version < 124)) return names[0];
  if (version < 124) {
    let message = `a container name must be specified for pod ${pod.metadata.name}, choose one of: [${names.join(' ')}]`;
    if (inits.length > 0) message += ` or one of the init containers: [${inits.map((c: { name: string }) => c.name).join(' ')}]`;
    if (ephemeral.length > 0) message += ` or one of the ephemeral containers: [${ephemeral.map((c: { name: string }) => c.name).join(' ')}]`;
    throw new UsageError(message);
  }
  // kubectl's podcmd.AllContainerNames: app containers, then ephemeral ones, then init containers.
  const all = [
    ...names,
    ...ephemeral.map((c: { name: string }) => `${c.name} (ephem)`),
    ...inits.map((c: { name: string }) => `${c.name} (init)`),
  ];
  err(`Defaulted container "${names[0]}" out of: ${all.join(', ')}\n`);
  return names[0];
}
