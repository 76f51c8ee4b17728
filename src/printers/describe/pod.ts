/**
 * `kubectl describe pod` (describePod in kubectl's describe package).
 */
import type { KObject } from '../../api/types.js';
import { DescribeWriter, rfc1123z, writeMap } from './writer.js';
import { writeEvents } from './events.js';
import { writeContainerEnv, writeContainerEnvFrom } from './container-env.js';
import { writeDataVolumeSource } from './volume-source.js';
import type { DescribeContext } from './index.js';
import { humanDuration } from '../duration.js';

function writeState(w: DescribeWriter, key: string, state: any): void {
  if (state?.running) {
    w.line(2, key, 'Running');
    w.line(3, 'Started', rfc1123z(state.running.startedAt));
  } else if (state?.waiting) {
    w.line(2, key, 'Waiting');
    w.line(3, 'Reason', state.waiting.reason);
  } else if (state?.terminated) {
    const t = state.terminated;
    w.line(2, key, 'Terminated');
    w.line(3, 'Reason', t.reason);
    w.line(3, 'Exit Code', t.exitCode);
    w.line(3, 'Started', rfc1123z(t.startedAt));
    w.line(3, 'Finished', rfc1123z(t.finishedAt));
  } else w.line(2, key, '<none>');
}

function probeText(p: any): string {
  const action = p.httpGet
    ? `http-get ${p.httpGet.scheme === 'HTTPS' ? 'https' : 'http'}://:${p.httpGet.port}${p.httpGet.path ?? '/'}`
    : p.tcpSocket
      ? `tcp-socket :${p.tcpSocket.port}`
      : p.exec
        ? `exec [${(p.exec.command ?? []).join(' ')}]`
        : 'unknown';
  return `${action} delay=${p.initialDelaySeconds ?? 0}s timeout=${p.timeoutSeconds ?? 1}s period=${p.periodSeconds ?? 10}s #success=${p.successThreshold ?? 1} #failure=${p.failureThreshold ?? 3}`;
}

/**
 * kubectl 1.32 writes ` op=Exists` after a keyed Exists toleration
 * (`node.kubernetes.io/not-ready:NoExecute op=Exists for 300s`); 1.15
 * transcripts show the bare key. The release in between that changed it is
 * not pinned down. NOTE: 1.18 is an estimate.
 */
const OP_EXISTS_SINCE = 118;

/** Writes a container block; shared with pod templates (status omitted there), where `pod` is absent so fieldRef values print empty. */
export function writeContainer(w: DescribeWriter, c: any, status: any | undefined, level: number, template: boolean, pod?: KObject): void {
  w.write(level, `${c.name}:\n`);
  const l = level + 1;
  if (!template) w.line(l, 'Container ID', status?.containerID ?? '');
  w.line(l, 'Image', c.image);
  if (!template) w.line(l, 'Image ID', status?.imageID ?? '');
  const ports: any[] = c.ports ?? [];
  if (ports.length <= 1) {
    w.line(l, 'Port', ports.length ? `${ports[0].containerPort}/${ports[0].protocol ?? 'TCP'}` : '<none>');
    w.line(l, 'Host Port', ports.length ? `${ports[0].hostPort ?? 0}/${ports[0].protocol ?? 'TCP'}` : '<none>');
  } else {
    w.line(l, 'Ports', ports.map((p) => `${p.containerPort}/${p.protocol ?? 'TCP'}`).join(', '));
    w.line(l, 'Host Ports', ports.map((p) => `${p.hostPort ?? 0}/${p.protocol ?? 'TCP'}`).join(', '));
  }
  if (c.command?.length) {
    w.write(l, 'Command:\n');
    for (const part of c.command) w.write(l + 1, `${part}\n`);
  }
  if (c.args?.length) {
    w.write(l, 'Args:\n');
    for (const part of c.args) w.write(l + 1, `${part}\n`);
  }
  if (!template) {
    writeState(w, 'State', status?.state);
    if (status?.lastState?.terminated) writeState(w, 'Last State', status.lastState);
    w.line(l, 'Ready', status?.ready ? 'True' : 'False');
    w.line(l, 'Restart Count', status?.restartCount ?? 0);
  }
  for (const [key, kind] of [
    ['Limits', 'limits'],
    ['Requests', 'requests'],
  ] as const) {
    const r = c.resources?.[kind];
    if (r && Object.keys(r).length) {
      w.write(l, `${key}:\n`);
      for (const k of Object.keys(r).sort()) w.line(l + 1, k, r[k]);
    }
  }
  if (c.livenessProbe) w.line(l, 'Liveness', probeText(c.livenessProbe));
  if (c.readinessProbe) w.line(l, 'Readiness', probeText(c.readinessProbe));
  if (c.startupProbe) w.line(l, 'Startup', probeText(c.startupProbe));
  writeContainerEnvFrom(w, c, l);
  writeContainerEnv(w, c, l, pod);
  const mounts: any[] = c.volumeMounts ?? [];
  if (mounts.length === 0) w.line(l, 'Mounts', '<none>');
  else {
    w.write(l, 'Mounts:\n');
    // kubectl sorts mounts by path, byte by byte.
    const sorted = [...mounts].sort((a, b) => byteOrder(String(a.mountPath), String(b.mountPath)));
    for (const m of sorted) w.write(l + 1, `${m.mountPath} from ${m.name} (${m.readOnly ? 'ro' : 'rw'})\n`);
  }
}

function byteOrder(a: string, b: string): number {
  if (a === b) return 0;
  return a < b ? -1 : 1;
}

export function describePod(pod: KObject, ctx: DescribeContext): string {
  const w = new DescribeWriter();
  const v = ctx.version;
  w.line(0, 'Name', pod.metadata.name);
  w.line(0, 'Namespace', pod.metadata.namespace ?? 'default');
  w.line(0, 'Priority', pod.spec?.priority ?? 0);
  if (v >= 119) w.line(0, 'Service Account', pod.spec?.serviceAccountName ?? 'default');
  const node = pod.spec?.nodeName;
  w.line(0, 'Node', node ? `${node}/${pod.status?.hostIP ?? ''}` : '<none>');
  if (pod.status?.startTime) w.line(0, 'Start Time', rfc1123z(pod.status.startTime));
  writeMap(w, 0, 'Labels', pod.metadata.labels);
  writeMap(w, 0, 'Annotations', pod.metadata.annotations);
  const phase = pod.status?.phase;
  if (pod.metadata.deletionTimestamp && phase !== 'Succeeded' && phase !== 'Failed') {
    // kubectl prints the time since the deletion timestamp, so `<invalid>` while the grace period runs.
    w.line(0, 'Status', `Terminating (lasts ${humanDuration(ctx.now - Date.parse(pod.metadata.deletionTimestamp))})`);
    w.line(0, 'Termination Grace Period', `${pod.metadata.deletionGracePeriodSeconds ?? 30}s`);
  } else w.line(0, 'Status', pod.status?.phase ?? 'Pending');
  if (pod.status?.reason) w.line(0, 'Reason', pod.status.reason);
  if (pod.status?.message) w.line(0, 'Message', pod.status.message);
  w.line(0, 'IP', pod.status?.podIP ?? '');
  if (v >= 116) {
    const ips: any[] = pod.status?.podIPs ?? [];
    if (ips.length === 0) w.line(0, 'IPs', '<none>');
    else {
      w.write(0, 'IPs:\n');
      for (const ip of ips) w.line(1, 'IP', ip.ip);
    }
  }
  const owner = pod.metadata.ownerReferences?.find((r) => r.controller);
  if (owner) w.line(0, 'Controlled By', `${owner.kind}/${owner.name}`);
  const inits: any[] = pod.spec?.initContainers ?? [];
  if (inits.length > 0) {
    w.write(0, 'Init Containers:\n');
    for (const c of inits) {
      const status = (pod.status?.initContainerStatuses ?? []).find((s: any) => s.name === c.name);
      writeContainer(w, c, status, 1, false, pod);
    }
  }
  w.write(0, 'Containers:\n');
  for (const c of pod.spec?.containers ?? []) {
    const status = (pod.status?.containerStatuses ?? []).find((s: any) => s.name === c.name);
    writeContainer(w, c, status, 1, false, pod);
  }
  const conds: any[] = pod.status?.conditions ?? [];
  if (conds.length) {
    w.write(0, 'Conditions:\n');
    w.write(1, 'Type\tStatus\n');
    for (const c of conds) w.write(1, `${c.type} \t${c.status} \n`);
  }
  const vols: any[] = pod.spec?.volumes ?? [];
  if (vols.length === 0) w.line(0, 'Volumes', '<none>');
  else {
    w.write(0, 'Volumes:\n');
    for (const vol of vols) {
      w.write(1, `${vol.name}:\n`);
      if (vol.persistentVolumeClaim) {
        w.line(2, 'Type', 'PersistentVolumeClaim (a reference to a PersistentVolumeClaim in the same namespace)');
        w.line(2, 'ClaimName', vol.persistentVolumeClaim.claimName);
        w.line(2, 'ReadOnly', vol.persistentVolumeClaim.readOnly ? 'true' : 'false');
      } else if (vol.emptyDir) {
        w.line(2, 'Type', 'EmptyDir (a temporary directory that shares a pod\'s lifetime)');
        w.line(2, 'Medium', vol.emptyDir.medium ?? '');
        w.line(2, 'SizeLimit', vol.emptyDir.sizeLimit ?? '<unset>');
      } else if (!writeDataVolumeSource(w, vol, 2)) w.line(2, 'Type', Object.keys(vol).filter((k) => k !== 'name')[0] ?? '<unknown>');
    }
  }
  w.line(0, 'QoS Class', pod.status?.qosClass ?? 'BestEffort');
  const ns = pod.spec?.nodeSelector;
  w.line(0, 'Node-Selectors', ns && Object.keys(ns).length ? Object.keys(ns).sort().map((k) => `${k}=${ns[k]}`).join('\n\t') : '<none>');
  const tols: any[] = pod.spec?.tolerations ?? [];
  if (tols.length === 0) w.line(0, 'Tolerations', '<none>');
  else {
    tols.forEach((t, i) => {
      let s = t.key ?? '';
      if (t.value) s += `=${t.value}`;
      if (t.effect) s += `:${t.effect}`;
      if (v >= OP_EXISTS_SINCE && t.operator === 'Exists' && !t.value) s += s ? ' op=Exists' : 'op=Exists';
      else if (t.operator === 'Exists' && !t.key) s = 'op=Exists';
      if (t.tolerationSeconds !== undefined) s += ` for ${t.tolerationSeconds}s`;
      if (i === 0) w.line(0, 'Tolerations', s);
      else w.write(0, `\t${s}\n`);
    });
  }
  writeEvents(w, ctx.events(pod), ctx.now, v);
  return w.text();
}
