/**
 * Per-kind rollout behaviour, kept apart from the commands as kubectl keeps
 * its status viewers, history viewers and rollbackers: each workload kind
 * registers what it supports, and the rollout subcommands look it up.
 */
import type { KObject } from '../../api/types.js';
import type { Cluster } from '../../engine/cluster.js';

/** One reading of rollout progress. */
export interface RolloutStatus {
  /** The line kubectl prints, with its newline. */
  message: string;
  done: boolean;
}

export interface RolloutKind {
  /** Reads progress; throws an Error whose message kubectl prints after `error: `. */
  status?(obj: KObject, revision: number): RolloutStatus;
  /** The history table, or one revision's template when `revision` > 0. */
  history?(cluster: Cluster, obj: KObject, revision: number): string;
  /** Rolls back; returns kubectl's result words (`rolled back`, `skipped rollback (...)`). */
  rollback?(cluster: Cluster, obj: KObject, toRevision: number, dryRun: boolean): string;
  /** Returns the paused copy, or throws `is already paused`. */
  pause?(obj: KObject): KObject;
  /** Returns the resumed copy, or throws `is not paused`. */
  resume?(obj: KObject): KObject;
  /** Returns a copy whose template changes so every pod is replaced. */
  restart?(obj: KObject, now: number): KObject;
}

/** Rollout support by resource (`deployments`); other helpers add daemonsets and statefulsets. */
export const ROLLOUT_KINDS: Record<string, RolloutKind> = {};

export function registerRolloutKind(resource: string, kind: RolloutKind): void {
  ROLLOUT_KINDS[resource] = kind;
}
