/**
 * Debug logging by namespace, enabled with KUBESIM_DEBUG=engine,controller:*
 * (or `*`). Costs one check per call when off.
 */

const spec = process.env.KUBESIM_DEBUG ?? '';
const patterns = spec
  .split(',')
  .map((s) => s.trim())
  .filter(Boolean)
  .map((p) => new RegExp('^' + p.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*') + '$'));

export function debug(namespace: string): (message: string) => void {
  const on = patterns.some((p) => p.test(namespace));
  if (!on) return () => {};
  return (message) => process.stderr.write(`${new Date().toISOString()} ${namespace} ${message}\n`);
}
