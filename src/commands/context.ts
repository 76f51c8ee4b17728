/**
 * What a running command can reach: its parsed flags, output streams, the
 * cluster it targets (opened and settled on first use) and its namespace.
 */
import type { Parsed } from '../cli/flags.js';
import type { Cluster } from '../engine/cluster.js';
import { openCluster } from '../engine/open.js';
import { readConfig } from '../engine/home.js';
import { UsageError } from '../api/errors.js';
import { DEFAULT_SETTINGS } from '../engine/settings.js';

export interface IO {
  out(text: string): void;
  err(text: string): void;
  /** Whether stdout is a terminal (colour, interactive behaviour). */
  isTTY: boolean;
  stdin?: () => Promise<string>;
  /** Whether stdin is a terminal, which decides whether `run -t` can use a TTY. False when unset. */
  stdinIsTTY?: boolean;
}

export class CommandContext {
  private opened: Cluster | undefined;
  /** The cluster clusterVersion() opened without settling it, for cluster() to settle. */
  private unsettled: Cluster | undefined;

  constructor(
    /** `['rollout', 'status']`: the verb and subcommand path, for help hints. */
    readonly path: string[],
    readonly parsed: Parsed,
    readonly io: IO,
  ) {}

  get flags(): Record<string, any> {
    return this.parsed.flags;
  }

  get clusterName(): string {
    return this.flags.cluster || this.flags.context || process.env.KUBESIM_CLUSTER || readConfig().currentCluster;
  }

  /** Opens the target cluster (creating `default` on first use) and settles it to now. */
  cluster(): Cluster {
    if (this.opened) return this.opened;
    const name = this.clusterName;
    const cluster = this.unsettled ?? openCluster(name, name === 'default');
    if (!cluster) throw new UsageError(`context "${name}" does not exist; create it with 'kubesim cluster create ${name}'`);
    cluster.settle();
    this.opened = cluster;
    return cluster;
  }

  /**
   * Returns the target cluster's emulated Kubernetes version (1.32 is 132)
   * without settling it, or the default version when the cluster does not exist yet.
   */
  clusterVersion(): number {
    if (this.opened) return this.opened.settings.version;
    this.unsettled ??= openCluster(this.clusterName, false);
    return this.unsettled?.settings.version ?? DEFAULT_SETTINGS.version;
  }

  /** The namespace for this request: `-n`, else the cluster's configured namespace, else `default`. */
  get namespace(): string {
    return this.flags.namespace || readConfig().namespaces[this.clusterName] || 'default';
  }

  /** kubectl's `Warning: ...` line on stderr. */
  warn(text: string): void {
    this.io.err(`Warning: ${text}\n`);
  }

  /** Settles again after a write so the command returns with the cluster caught up. */
  settle(): void {
    this.opened?.settle();
  }
}
