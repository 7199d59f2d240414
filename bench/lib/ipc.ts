import { fork, type ChildProcess } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { repoRoot } from './repo.js';

interface Reply {
  id: number;
  ok: boolean;
  result?: unknown;
  /** CPU time (user + system) the worker process spent on the task. */
  cpuSeconds?: number;
  error?: string;
}

/**
 * A phase process. Each store gets its own (Emmett's driver changes pg's global type parsers, and
 * neither side should share a heap, a garbage collector or an event loop with the other).
 */
export class Worker {
  private nextId = 0;
  private pending = new Map<number, { resolve(value: unknown): void; reject(error: Error): void }>();
  private exited: Promise<number | null>;
  /** CPU seconds of this worker's last task. */
  lastCpuSeconds = 0;

  private constructor(
    readonly name: string,
    private readonly child: ChildProcess,
  ) {
    child.on('message', (reply: Reply) => {
      const waiter = this.pending.get(reply.id);
      if (!waiter) return;
      this.pending.delete(reply.id);
      this.lastCpuSeconds = reply.cpuSeconds ?? 0;
      if (reply.ok) waiter.resolve(reply.result);
      else waiter.reject(new Error(`${name} worker: ${reply.error}`));
    });
    this.exited = new Promise((resolve) =>
      child.on('exit', (code) => {
        for (const waiter of this.pending.values()) waiter.reject(new Error(`${name} worker exited (code ${code})`));
        this.pending.clear();
        resolve(code);
      }),
    );
  }

  /** Starts dist/bench/phases/<name>.js with the project's loader. */
  static start(name: string): Worker {
    const root = repoRoot();
    const child = fork(join(root, 'dist', 'bench', 'phases', `${name}.js`), [], {
      cwd: root,
      env: { ...process.env, BENCH_WORKER: name },
      execArgv: ['--no-warnings', '--enable-source-maps', '--import', pathToFileURL(join(root, 'tools', 'register.mjs')).href],
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    return new Worker(name, child);
  }

  call<T>(task: string, args: unknown = {}): Promise<T> {
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
      this.child.send({ id, task, args });
    });
  }

  async stop(): Promise<void> {
    if (this.child.exitCode === null && this.child.connected) this.child.send({ id: -1, task: 'exit' });
    const timer = setTimeout(() => this.child.kill('SIGKILL'), 15_000);
    await this.exited;
    clearTimeout(timer);
  }
}

type Handlers = Record<string, (args: any) => Promise<unknown>>;

const profiles = new Map<string, number>();

/**
 * With BENCH_CPU_PROF=<dir>, every task is profiled on its own (V8's sampling profiler through the
 * inspector) into <dir>/<worker>.<task>.<n>.cpuprofile, for Chrome DevTools or speedscope.
 */
async function profiled<T>(task: string, work: () => Promise<T>): Promise<T> {
  const dir = process.env.BENCH_CPU_PROF;
  if (!dir || task.startsWith('measure')) return work();
  const name = `${process.env.BENCH_WORKER ?? 'worker'}.${task}`;
  const n = (profiles.get(name) ?? 0) + 1;
  profiles.set(name, n);
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.start');
  try {
    return await work();
  } finally {
    const { profile } = await session.post('Profiler.stop');
    writeFileSync(join(dir, `${name}.${process.pid}.${n}.cpuprofile`), JSON.stringify(profile));
    session.disconnect();
  }
}

/** The worker side: runs one task at a time, answers, and exits when told to. */
export function serveTasks(handlers: Handlers, onExit: () => Promise<void> = async () => undefined): void {
  let queue = Promise.resolve();
  process.on('message', (message: { id: number; task: string; args: unknown }) => {
    queue = queue.then(async () => {
      if (message.task === 'exit') {
        await onExit().catch(() => undefined);
        process.exit(0);
      }
      const before = process.cpuUsage();
      try {
        const handler = handlers[message.task];
        if (!handler) throw new Error(`unknown task ${message.task}`);
        const result = await profiled(message.task, () => handler(message.args));
        const used = process.cpuUsage(before);
        process.send!({ id: message.id, ok: true, result, cpuSeconds: (used.user + used.system) / 1e6 });
      } catch (error) {
        process.send!({ id: message.id, ok: false, error: (error as Error).stack ?? String(error) });
      }
    });
  });
}
