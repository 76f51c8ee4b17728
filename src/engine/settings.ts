/**
 * Per-cluster settings, stored in the cluster's meta table. Timings are the
 * simulated durations the kubelet and registry take.
 */

export interface ClusterSettings {
  clock: 'wall' | 'manual';
  seed: number;
  workers: number;
  /** Emulated Kubernetes version, as major*100+minor (1.32 → 132). */
  version: number;
  /** The version string as given (`1.32`). */
  versionString: string;
  /** Reject removed apiVersions the way a real cluster of `version` does. */
  strictVersions: boolean;
  /** Time to pull an image that is not yet on the node. */
  pullMs: number;
  /** Time from pulled to started. */
  startMs: number;
  /** Time a failing pull takes before ErrImagePull. */
  pullFailMs: number;
  /** Images whose pulls time out, as on a cluster without internet access. */
  pullTimeout: string[];
}

export const DEFAULT_SETTINGS: ClusterSettings = {
  clock: 'wall',
  seed: 1,
  workers: 2,
  version: 132,
  versionString: '1.32',
  strictVersions: false,
  pullMs: 4000,
  startMs: 1000,
  pullFailMs: 30000,
  pullTimeout: [],
};
