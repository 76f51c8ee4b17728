/**
 * The `Pod Template:` block of describe for DaemonSets and StatefulSets
 * (kubectl's DescribePodTemplate): labels, containers, volumes, node
 * selectors and tolerations, indented under the template heading.
 */
import { DescribeWriter, writeMap } from './writer.js';
import { writeContainer } from './pod.js';

/** Shifts the first line (the container name) one space right, as kubectl prints template containers. */
class TemplateContainerWriter extends DescribeWriter {
  private first = true;

  constructor(private readonly target: DescribeWriter) {
    super();
  }

  override write(level: number, text: string): void {
    if (this.first) {
      this.first = false;
      this.target.write(0, ` ${'  '.repeat(level)}${text}`);
      return;
    }
    this.target.write(level, text);
  }
}

/** Writes a volume list at `level`, with the type lines describe prints for the common sources. */
export function writeVolumes(w: DescribeWriter, volumes: any[], level: number): void {
  if (volumes.length === 0) {
    w.line(level, 'Volumes', '<none>');
    return;
  }
  w.write(level, 'Volumes:\n');
  for (const v of volumes) {
    w.write(level, ` ${v.name}:\n`);
    const l = level + 1;
    if (v.persistentVolumeClaim) {
      w.line(l, 'Type', 'PersistentVolumeClaim (a reference to a PersistentVolumeClaim in the same namespace)');
      w.line(l, 'ClaimName', v.persistentVolumeClaim.claimName);
      w.line(l, 'ReadOnly', String(!!v.persistentVolumeClaim.readOnly));
    } else if (v.emptyDir) {
      w.line(l, 'Type', "EmptyDir (a temporary directory that shares a pod's lifetime)");
      w.line(l, 'Medium', v.emptyDir.medium ?? '');
      w.line(l, 'SizeLimit', v.emptyDir.sizeLimit ?? '<unset>');
    } else if (v.hostPath) {
      w.line(l, 'Type', 'HostPath (bare host directory volume)');
      w.line(l, 'Path', v.hostPath.path);
      w.line(l, 'HostPathType', v.hostPath.type ?? '');
    } else if (v.configMap) {
      w.line(l, 'Type', 'ConfigMap (a volume populated by a ConfigMap)');
      w.line(l, 'Name', v.configMap.name);
      w.line(l, 'Optional', String(!!v.configMap.optional));
    } else if (v.secret) {
      w.line(l, 'Type', 'Secret (a volume populated by a Secret)');
      w.line(l, 'SecretName', v.secret.secretName);
      w.line(l, 'Optional', String(!!v.secret.optional));
    }
  }
}

/** Writes `Pod Template:` and its block for a workload's spec.template. */
export function writePodTemplate(w: DescribeWriter, template: any, version: number): void {
  w.write(0, 'Pod Template:\n');
  if (!template) {
    w.write(1, '<unset>');
    return;
  }
  writeMap(w, 1, 'Labels', template.metadata?.labels);
  if (template.metadata?.annotations && Object.keys(template.metadata.annotations).length) writeMap(w, 1, 'Annotations', template.metadata.annotations);
  const spec = template.spec ?? {};
  if (spec.serviceAccountName) w.line(1, 'Service Account', spec.serviceAccountName);
  for (const [label, list] of [
    ['Init Containers', spec.initContainers ?? []],
    ['Containers', spec.containers ?? []],
  ] as const) {
    if (label === 'Init Containers' && list.length === 0) continue;
    w.write(1, `${label}:\n`);
    for (const c of list) writeContainer(new TemplateContainerWriter(w), c, undefined, 1, true);
  }
  writeVolumes(w, spec.volumes ?? [], 1);
  if (version >= 127) {
    const sel = spec.nodeSelector ?? {};
    w.line(1, 'Node-Selectors', Object.keys(sel).length ? Object.keys(sel).sort().map((k) => `${k}=${sel[k]}`).join('\n\t') : '<none>');
    const tols: any[] = spec.tolerations ?? [];
    w.line(1, 'Tolerations', tols.length ? tols.map(tolerationText).join('\n\t') : '<none>');
  }
  if (spec.priorityClassName) w.line(1, 'Priority Class Name', spec.priorityClassName);
}

/** Formats a toleration as describe does: `key=value:Effect op=Exists for 300s`. */
export function tolerationText(t: any): string {
  let s = t.key ?? '';
  if (t.value) s += `=${t.value}`;
  if (t.effect) s += `:${t.effect}`;
  if (t.operator === 'Exists' && !t.value) s += ' op=Exists';
  if (t.tolerationSeconds !== undefined && t.tolerationSeconds !== null) s += ` for ${t.tolerationSeconds}s`;
  return s;
}

/** `N Running / N Waiting / N Succeeded / N Failed` over a workload's pods. */
export function podsStatusLine(pods: any[]): string {
  const count = (phase: string) => pods.filter((p) => (p.status?.phase ?? 'Pending') === phase).length;
  return `${count('Running')} Running / ${count('Pending')} Waiting / ${count('Succeeded')} Succeeded / ${count('Failed')} Failed`;
}
