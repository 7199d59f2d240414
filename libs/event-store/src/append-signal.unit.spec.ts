import { AppendSignal } from './append-signal.js';

describe('AppendSignal', () => {
  it('wakes a waiter on notify', async () => {
    const signal = new AppendSignal();
    const started = Date.now();
    const waiting = signal.wait(5_000);
    signal.notify();
    await waiting;
    expect(Date.now() - started).toBeLessThan(1_000);
  });

  it('keeps a signal that arrived while nobody waited, once', async () => {
    const signal = new AppendSignal();
    signal.notify();
    const started = Date.now();
    await signal.wait(5_000);
    expect(Date.now() - started).toBeLessThan(100);
    const second = Date.now();
    await signal.wait(50);
    expect(Date.now() - second).toBeGreaterThanOrEqual(45);
  });

  it('releases every waiter on close', async () => {
    const signal = new AppendSignal();
    const all = Promise.all([signal.wait(5_000), signal.wait(5_000)]);
    signal.releaseAll();
    await expect(all).resolves.toEqual([undefined, undefined]);
  });
});
