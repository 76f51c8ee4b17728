/**
 * Keeps the files a `kubectl exec` wrote or removed in the container, as
 * its writable layer does: later execs and exec probes see them, and the
 * container's HTTP server serves the pages under its document root. The
 * changes live in the container's `fileChanges` and end with the run,
 * because a restarted container starts from its image again.
 */
import type { KObject } from '../api/types.js';
import type { Store } from '../store/store.js';
import type { FileChange } from '../images/shell/run.js';
import { copyPodRecord, type PodRecord } from './state.js';
import { rearmProbes } from './probes.js';

/** The kubelet's controller name; its timers are keyed by the pod's `namespace/name`. */
const KUBELET = 'kubelet';

/**
 * Records `changes`, made by an exec in container `container` of `pod` at
 * `now` (ms), after the changes already due by then and before the main
 * process's later planned ones. The probes then probe again from their next
 * tick. Returns false, changing nothing, when the container no longer runs.
 */
export function recordExecFiles(store: Store, pod: KObject, container: string, changes: readonly FileChange[], now: number): boolean {
  const current = store.get('pods', pod.metadata.namespace!, pod.metadata.name);
  if (!current || current.metadata.uid !== pod.metadata.uid || !current._sim) return false;
  const record = copyPodRecord(current._sim as PodRecord);
  const rec = record.containers[container];
  const spec = (current.spec?.containers ?? []).find((c: { name: string }) => c.name === container);
  if (!rec || !spec || rec.stage !== 'run') return false;

  const before = (rec.fileChanges ?? []).filter(([at]) => at <= now);
  const after = (rec.fileChanges ?? []).filter(([at]) => at > now);
  const made: [number, string, string | null][] = changes.map((c) => [now, c.path, c.content]);
  rec.fileChanges = [...before, ...made, ...after];
  rearmProbes(current, spec, rec, now);
  current._sim = record;
  store.update('pods', current);
  if (rec.probeWake !== undefined) store.addTimer(rec.probeWake, KUBELET, `${current.metadata.namespace}/${current.metadata.name}`);
  return true;
}
