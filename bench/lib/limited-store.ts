import { EventStore, type AppendResult, type LogCheckpoint, type ReadAllResult } from '@kensho/event-store';

/**
 * The log as a reader sees it when it ends after `maxEvents` events or at `deadline`
 * (performance.now() ms), whichever comes first: how a phase over the whole log is cut to the
 * time budget. The result then says over how many events it was measured. Everything but
 * readAll goes to the real store.
 */
export class LimitedStore extends EventStore {
  served = 0;

  constructor(
    private readonly inner: EventStore,
    private readonly limits: { maxEvents: number; deadline: number },
  ) {
    super();
  }

  get cut(): boolean {
    return performance.now() >= this.limits.deadline;
  }

  async readAll(options: { after: LogCheckpoint | null; maxCount: number }): Promise<ReadAllResult> {
    const left = this.limits.maxEvents - this.served;
    if (left <= 0 || performance.now() >= this.limits.deadline) return { events: [], checkpoint: options.after };
    const page = await this.inner.readAll({ after: options.after, maxCount: Math.min(options.maxCount, left) });
    this.served += page.events.length;
    return page;
  }

  appendToStream(...args: Parameters<EventStore['appendToStream']>): Promise<AppendResult> {
    return this.inner.appendToStream(...args);
  }
  readStream(...args: Parameters<EventStore['readStream']>) {
    return this.inner.readStream(...args);
  }
  findEvent(...args: Parameters<EventStore['findEvent']>) {
    return this.inner.findEvent(...args);
  }
  streamRevision(streamId: string) {
    return this.inner.streamRevision(streamId);
  }
  checkpointOfPosition(position: number) {
    return this.inner.checkpointOfPosition(position);
  }
  compareCheckpoints(a: LogCheckpoint | null, b: LogCheckpoint | null) {
    return this.inner.compareCheckpoints(a, b);
  }
  headCheckpoint() {
    return this.inner.headCheckpoint();
  }
  waitForAppends(timeoutMs: number) {
    return this.inner.waitForAppends(timeoutMs);
  }
  close() {
    return Promise.resolve();
  }
}
