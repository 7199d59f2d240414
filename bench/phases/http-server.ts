import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { join } from 'node:path';
import type { INestApplication } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { TokenService } from '@kensho/auth';
import { loadConfig, newId } from '@kensho/platform';
import { departmentsCommand } from '@kensho/review';
import { createApp } from '../../apps/api/src/create-app.js';
import { serveTasks } from '../lib/ipc.js';

/** The whole service, as `npm start` runs it (projector in-process), on its own database and 127.0.0.1. */
let app: INestApplication | null = null;
let window: { cpu: NodeJS.CpuUsage; session: Session | null } | null = null;

serveTasks(
  {
    async start({ url, port }: { url: string; port: number }) {
      const config = { ...loadConfig({}), databaseUrl: url, port };
      app = await createApp({ config, logger: ['error', 'warn'] });
      await app.listen(port, '127.0.0.1');
      // Department tokens name a department of the master: record the one the load acts for, as the seed would.
      const commandId = newId();
      await app
        .get(CommandBus)
        .execute(
          departmentsCommand(
            { type: 'RegisterDepartment', name: '産業振興課', slug: 'sangyoshinko' },
            { commandId, correlationId: commandId, causationId: commandId, actor: { id: 'bench-setup', role: 'system' } },
          ),
        );
      const tokens = app.get(TokenService);
      return {
        planning: (await tokens.issue({ role: 'planning', name: 'bench-planning' })).token,
        department: (await tokens.issue({ role: 'department', department: '産業振興課', name: 'bench-department' })).token,
      };
    },

    /** The load runs in the orchestrator; these bracket it to count this process's CPU (and profile it with BENCH_CPU_PROF). */
    async measureStart() {
      let session: Session | null = null;
      if (process.env.BENCH_CPU_PROF) {
        session = new Session();
        session.connect();
        await session.post('Profiler.enable');
        await session.post('Profiler.start');
      }
      window = { cpu: process.cpuUsage(), session };
    },

    async measureStop() {
      const used = process.cpuUsage(window!.cpu);
      if (window!.session) {
        const { profile } = await window!.session.post('Profiler.stop');
        writeFileSync(join(process.env.BENCH_CPU_PROF!, 'http-server.load.cpuprofile'), JSON.stringify(profile));
        window!.session.disconnect();
      }
      return { cpuSeconds: (used.user + used.system) / 1e6 };
    },
  },
  async () => {
    await app?.close();
  },
);
