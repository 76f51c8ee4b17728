// Interim implementation; the printers branch replaces this file.
import yaml from 'js-yaml';
export function toKubectlYaml(obj: unknown): string {
  return yaml.dump(obj, { sortKeys: true, lineWidth: -1, noRefs: true });
}
export function toKubectlJson(obj: unknown): string {
  return JSON.stringify(obj, null, 4) + '\n';
}
