/**
 * The kubelet's side of an attach with stdin (`kubectl run -i`): the input
 * an attached client sends reaches the container's main process. Only a
 * shell waiting for commands on its open standard input reads it (see
 * `readsStdin` in images/program.ts); any other process ignores it.
 */
import type { KObject } from '../api/types.js';
import type { Store } from '../store/store.js';
import { planShellInput } from '../images/program.js';
import { programInputs } from './kubelet.js';
import type { PodRecord } from './state.js';

/** The kubelet's controller name; its timers are keyed by the pod's `namespace/name`. */
const KUBELET = 'kubelet';

/**
 * Writes `input` to the standard input of the running container `container`
 * of `pod` at `now` (ms), all at once, followed by the end of the first
 * attach. A waiting shell runs it as a script from `now`: its output goes to
 * the container's log of the current run, and its exit, when the input ends
 * it, becomes a kubelet timer. Returns false, changing nothing, when the
 * container is not running or its process does not read standard input.
 */
export function writeContainerStdin(store: Store, pod: KObject, container: string, input: string, now: number): boolean {
  const record = pod._sim as PodRecord | undefined;
  const rec = record?.containers[container];
  const spec = (pod.spec?.containers ?? []).find((c: { name: string }) => c.name === container);
  if (!record || !rec || !spec || rec.stage !== 'run' || !rec.readsStdin) return false;

  const inputs = programInputs(pod, spec, now, store);
  const plan = planShellInput(inputs.container, inputs.context, input);
  const lines = plan.output.map((o) => ({ ts: now + o.atMs, stream: o.stream, line: o.line }));
  store.appendLogs(pod.metadata.uid!, container, rec.restarts, lines);

  rec.readsStdin = plan.readsStdin;
  if (plan.exit) {
    rec.exitAt = now + plan.exit.atMs;
    rec.exitCode = plan.exit.code;
    rec.until = rec.exitAt;
    store.addTimer(rec.exitAt, KUBELET, `${pod.metadata.namespace}/${pod.metadata.name}`);
  }
  pod._sim = record;
  store.update('pods', pod);
  return true;
}
