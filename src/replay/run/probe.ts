/**
 * A throwaway copy of the replay's cluster, for looking ahead in time
 * without moving the real clock. The simulation is deterministic, so
 * moving the real cluster by the same time afterwards reaches the same state.
 */
import { mkdirSync, rmSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Cluster } from '../../engine/cluster.js';
import { clusterDir, clusterFile } from '../../engine/home.js';
import { openCluster } from '../../engine/open.js';
import { inProcessExec, type Exec } from './exec';

/** A copy of a cluster with its own name, and a way to run commands on it. */
export interface Probe {
  cluster: Cluster;
  exec: Exec;
  /** Closes and deletes the copy. */
  dispose(): void;
}

/** Copies `cluster` (named `name`) into a sibling cluster `NAME-probe` in the same KUBESIM_HOME. */
export function openProbe(cluster: Cluster, name: string): Probe {
  const probeName = `${name}-probe`;
  const file = clusterFile(probeName);
  rmSync(clusterDir(probeName), { recursive: true, force: true });
  mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
  cluster.store.db.prepare('VACUUM INTO ?').run(file);
  const copy = openCluster(probeName)!;
  return {
    cluster: copy,
    exec: inProcessExec(probeName),
    dispose: () => {
      copy.store.db.close();
      rmSync(clusterDir(probeName), { recursive: true, force: true });
    },
  };
}
