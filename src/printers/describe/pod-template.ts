/**
 * The `Pod Template:` block kubectl describe prints for workloads and
 * `rollout history --revision` (DescribePodTemplate in kubectl's describe
 * package): labels, containers without status, volumes, node selectors and
 * tolerations.
 */
import { DescribeWriter, writeMap } from './writer.js';
import { writeContainer } from './pod.js';
import { writeDataVolumeSource } from './volume-source.js';

/** Wraps a writer so the next line written gets one extra space, as template container names do. */
function nameIndented(w: DescribeWriter): DescribeWriter {
  const proxy = Object.create(w) as DescribeWriter;
  let first = true;
  proxy.write = (level: number, text: string) => {
    w.write(level, first ? ` ${text}` : text);
    first = false;
  };
  return proxy;
}

function tolerationText(t: any): string {
  let s = t.key ?? '';
  if (t.value) s += `=${t.value}`;
  if (t.effect) s += `:${t.effect}`;
  if (t.operator === 'Exists' && !t.key) s = 'op=Exists';
  if (t.tolerationSeconds !== undefined) s += ` for ${t.tolerationSeconds}s`;
  return s;
}

function writeContainers(w: DescribeWriter, label: string, containers: any[]): void {
  w.write(1, `${label}:${containers.length === 0 ? ' <none>' : ''}\n`);
  for (const c of containers) writeContainer(nameIndented(w), c, undefined, 1, true);
}

/** Writes a pod template block at the top level of `w`. */
export function writePodTemplate(w: DescribeWriter, template: any, version: number): void {
  w.write(0, 'Pod Template:\n');
  if (!template) {
    w.write(1, '<unset>');
    return;
  }
  const spec = template.spec ?? {};
  writeMap(w, 1, 'Labels', template.metadata?.labels);
  if (Object.keys(template.metadata?.annotations ?? {}).length > 0) writeMap(w, 1, 'Annotations', template.metadata.annotations);
  if (spec.serviceAccountName) w.line(1, 'Service Account', spec.serviceAccountName);
  if ((spec.initContainers ?? []).length > 0) writeContainers(w, 'Init Containers', spec.initContainers);
  writeContainers(w, 'Containers', spec.containers ?? []);
  const volumes: any[] = spec.volumes ?? [];
  if (volumes.length === 0) w.line(1, 'Volumes', '<none>');
  else {
    w.write(1, 'Volumes:\n');
    for (const v of volumes) {
      w.write(1, ` ${v.name}:\n`);
      if (writeDataVolumeSource(w, v, 2)) continue;
      const type = Object.keys(v).find((k) => k !== 'name') ?? '<unknown>';
      w.line(2, 'Type', type);
    }
  }
  if (spec.priorityClassName) w.line(1, 'Priority Class Name', spec.priorityClassName);
  // kubectl 1.30 added node selectors and tolerations to the template block.
  if (version >= 130) {
    writeMap(w, 1, 'Node-Selectors', spec.nodeSelector);
    const tols: any[] = spec.tolerations ?? [];
    if (tols.length === 0) w.line(1, 'Tolerations', '<none>');
    else tols.forEach((t, i) => (i === 0 ? w.line(1, 'Tolerations', tolerationText(t)) : w.write(1, `\t${tolerationText(t)}\n`)));
  }
}
