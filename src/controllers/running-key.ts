/**
 * The queue key of the reconcile a controller is running. A controller's
 * watch mappers drop that key, so the reconcile's own writes do not queue it
 * again.
 */
export class RunningKey {
  /** Key of the running reconcile, or undefined between reconciles. */
  current: string | undefined;

  /** Runs `reconcile` with `key` marked as running, and clears the mark afterwards even when it throws. */
  run(key: string, reconcile: () => void): void {
    this.current = key;
    try {
      reconcile();
    } finally {
      this.current = undefined;
    }
  }

  /** Returns `keys` without the running key. */
  exclude(keys: string[]): string[] {
    const running = this.current;
    return running === undefined ? keys : keys.filter((k) => k !== running);
  }
}
