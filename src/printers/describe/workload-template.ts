/**
 * Pieces the DaemonSet and StatefulSet describers share.
 */

/** `N Running / N Waiting / N Succeeded / N Failed` over a workload's pods. */
export function podsStatusLine(pods: any[]): string {
  const count = (phase: string) => pods.filter((p) => (p.status?.phase ?? 'Pending') === phase).length;
  return `${count('Running')} Running / ${count('Pending')} Waiting / ${count('Succeeded')} Succeeded / ${count('Failed')} Failed`;
}
