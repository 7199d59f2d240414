/**
 * Wakes readers waiting for new events. A signal that arrives while nobody waits is kept, because
 * the reader may have been between its last read and its next wait when the append happened.
 */
export class AppendSignal {
  private waiters = new Set<() => void>();
  private pending = false;

  /** Something was appended (here or, through a notification, elsewhere). */
  notify(): void {
    if (this.waiters.size === 0) this.pending = true;
    this.releaseAll();
  }

  /** Resolves on the next signal (at once if one is pending), or after timeoutMs. */
  wait(timeoutMs: number): Promise<void> {
    if (this.pending) {
      this.pending = false;
      return Promise.resolve();
    }
    return new Promise<void>((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.waiters.delete(done);
        resolve();
      };
      const timer = setTimeout(done, timeoutMs);
      this.waiters.add(done);
    });
  }

  /** Lets every waiter go, e.g. on close. */
  releaseAll(): void {
    for (const release of [...this.waiters]) release();
  }
}
