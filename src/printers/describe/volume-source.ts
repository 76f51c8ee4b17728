/**
 * The type lines of a volume in kubectl describe (describeVolumes in
 * kubectl's describe package) for the sources that carry API data:
 * ConfigMap, Secret, DownwardAPI and Projected.
 */
import type { DescribeWriter } from './writer.js';

/** Formats a projected source's optional flag as kubectl does: an unset flag prints as Go's `<nil>`. */
function optionalPointer(value: unknown): string {
  return value === undefined || value === null ? '<nil>' : String(value);
}

function writeProjected(w: DescribeWriter, projected: any, level: number): void {
  w.line(level, 'Type', 'Projected (a volume that contains injected data from multiple sources)');
  for (const source of projected.sources ?? []) {
    if (source.secret) {
      w.line(level, 'SecretName', source.secret.name ?? '');
      w.line(level, 'SecretOptionalName', optionalPointer(source.secret.optional));
    } else if (source.downwardAPI) w.line(level, 'DownwardAPI', 'true');
    else if (source.configMap) {
      w.line(level, 'ConfigMapName', source.configMap.name ?? '');
      w.line(level, 'ConfigMapOptional', optionalPointer(source.configMap.optional));
    } else if (source.serviceAccountToken) w.line(level, 'TokenExpirationSeconds', source.serviceAccountToken.expirationSeconds ?? 3600);
  }
}

function writeDownwardAPI(w: DescribeWriter, downwardAPI: any, level: number): void {
  w.line(level, 'Type', 'DownwardAPI (a volume populated by information about the pod)');
  w.write(level, 'Items:\n');
  for (const item of downwardAPI.items ?? []) {
    if (item.fieldRef) w.write(level + 1, `${item.fieldRef.fieldPath} -> ${item.path}\n`);
    if (item.resourceFieldRef) w.write(level + 1, `${item.resourceFieldRef.resource} -> ${item.path}\n`);
  }
}

/**
 * Writes the lines of a ConfigMap, Secret, DownwardAPI or Projected volume
 * at `level` and returns true, or returns false for any other source.
 */
export function writeDataVolumeSource(w: DescribeWriter, volume: any, level: number): boolean {
  if (volume.configMap) {
    w.line(level, 'Type', 'ConfigMap (a volume populated by a ConfigMap)');
    w.line(level, 'Name', volume.configMap.name ?? '');
    w.line(level, 'Optional', volume.configMap.optional === true ? 'true' : 'false');
  } else if (volume.secret) {
    w.line(level, 'Type', 'Secret (a volume populated by a Secret)');
    w.line(level, 'SecretName', volume.secret.secretName ?? '');
    w.line(level, 'Optional', volume.secret.optional === true ? 'true' : 'false');
  } else if (volume.downwardAPI) writeDownwardAPI(w, volume.downwardAPI, level);
  else if (volume.projected) writeProjected(w, volume.projected, level);
  else return false;
  return true;
}
