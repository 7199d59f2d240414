import { execFile, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { promisify } from 'node:util';
import { ALL_PROJECTIONS } from '@kensho/core';
import { EventStore, eventIdFor, type NewEvent } from '@kensho/event-store';
import { ProjectionRebuilder, Projector, tableChecksums } from '@kensho/projections';
import { SeedRunner, seedDirFor } from '@kensho/seeds';
import { bearer, startTestApp, type TestApp } from './support/test-app.js';

const run = promisify(execFile);
const CLI = ['--no-warnings', '--import', './tools/register.mjs', 'dist/apps/cli/src/main.js'];

/** Committee opinions on the approved seeded sheets: valid history, enough of it to kill mid-batch. */
function opinions(sheetIds: string[], rounds: number): Array<{ stream: string; events: NewEvent[] }> {
  return sheetIds.map((sheetId) => {
    const stream = `sheet-${sheetId}`;
    const commandId = randomUUID();
    const events = Array.from({ length: rounds }, (_, i) => ({
      id: eventIdFor(commandId, stream, i),
      type: 'CommitteeOpinionRecorded',
      data: { opinion: `意見 ${i}`, rating: i % 2 ? 'A' : null, recordedAt: `2017-09-${String(1 + (i % 28)).padStart(2, '0')}T10:00:00.000Z` },
      metadata: {
        actorId: 'committee-test',
        role: 'committee',
        department: null,
        commandId,
        correlationId: commandId,
        causationId: commandId,
        occurredAt: '2017-09-01T01:00:00.000Z',
        schemaVersion: 1,
      },
    }));
    return { stream, events };
  });
}

describe('Projections: deterministic rebuilds and crash safety', () => {
  let t: TestApp;
  let rebuilder: ProjectionRebuilder;
  let head: number;

  beforeAll(async () => {
    await run('npm', ['run', '-s', 'build'], { timeout: 120_000 });
    t = await startTestApp();
    await t.app.get(SeedRunner).run(seedDirFor(2016));
    const store = t.app.get(EventStore);
    const sheetIds = (await t.database.db.query<{ sheet_id: string }>('SELECT sheet_id FROM rm_sheets ORDER BY sheet_id')).rows.map((r) => r.sheet_id);
    for (const { stream, events } of opinions(sheetIds, 50)) {
      for (let i = 0; i < events.length; i += 40) await store.appendToStream(stream, events.slice(i, i + 40), 'stream_exists');
    }
    // An edition too: the publication view snapshots and renders it from the pinned versions.
    await t.http.post('/api/v1/cycles/2016/publish').set(bearer(t.tokens.planning)).expect(201);
    head = Number((await t.database.db.query('SELECT max(global_position) AS p FROM es_events')).rows[0].p);
    await t.app.get(Projector).waitFor(head, 60_000);
    rebuilder = new ProjectionRebuilder(t.database.db, store);
  }, 180_000);
  afterAll(async () => {
    await t.close();
  });

  /** Rebuilds every projection from zero beside the live tables and returns both sets of checksums. */
  async function liveAndRebuilt(): Promise<{ live: Record<string, string>; rebuilt: Record<string, string> }> {
    const live = await tableChecksums(t.database.db, ALL_PROJECTIONS);
    const rebuilt: Record<string, string> = {};
    for (const projection of ALL_PROJECTIONS) {
      await rebuilder.rebuild(projection, { swap: false });
      Object.assign(rebuilt, await tableChecksums(t.database.db, [projection], rebuilder.schemaOf(projection)));
      await rebuilder.discard(projection);
    }
    return { live, rebuilt };
  }

  it('rebuilds every view from zero into exactly the tables the live projection built', async () => {
    const { live, rebuilt } = await liveAndRebuilt();
    expect(Object.keys(live).length).toBe(ALL_PROJECTIONS.flatMap((p) => p.tables).length);
    expect(Number(live.audit_events!.split(':')[0])).toBe(head);
    expect(live.pub_editions).toMatch(/^1:/);
    expect(rebuilt).toEqual(live);
  }, 120_000);

  it('ends, after SIGKILLs in the middle of batches and a restart, exactly where a clean rebuild ends', async () => {
    await t.app.get(Projector).stop();
    await t.database.db.transaction(async (client) => {
      for (const table of ALL_PROJECTIONS.flatMap((p) => p.tables)) await client.query(`TRUNCATE ${table}`);
      await client.query('DELETE FROM projection_checkpoints');
    });
    const env = { ...process.env, DATABASE_URL: t.database.url };
    const position = async () => Number((await t.database.db.query('SELECT coalesce(min(position), 0) AS p FROM projection_checkpoints')).rows[0].p);
    let kills = 0;
    for (let round = 0; round < 3; round++) {
      const child = spawn('node', [...CLI, 'projections', 'run', '--batch-size', '150'], { env, stdio: 'ignore' });
      const before = await position();
      // Let it commit at least one batch, then kill it at a random moment inside the next ones.
      for (let waited = 0; (await position()) <= before && waited < 30_000; waited += 20) await new Promise((r) => setTimeout(r, 20));
      await new Promise((r) => setTimeout(r, 5 + Math.random() * 60));
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGKILL');
      await exited;
      if ((await position()) < head) kills++;
    }
    expect(kills).toBeGreaterThan(0);
    const { stdout } = await run('node', [...CLI, 'projections', 'run', '--until-caught-up'], { env, timeout: 120_000 });
    expect(stdout).toMatch(/caught up/);
    const { live, rebuilt } = await liveAndRebuilt();
    expect(rebuilt).toEqual(live);
  }, 180_000);

  it('builds the same tables one event at a time as a page at a time', async () => {
    await t.app.get(Projector).stop();
    await t.database.db.transaction(async (client) => {
      for (const table of ALL_PROJECTIONS.flatMap((p) => p.tables)) await client.query(`TRUNCATE ${table}`);
      await client.query('DELETE FROM projection_checkpoints');
    });
    // Batches of one: every fold starts from the row the previous event wrote (the per-event path).
    const applied = await new Projector(t.database.db, t.app.get(EventStore), ALL_PROJECTIONS, { batchSize: 1 }).catchUp();
    expect(applied).toBe(head);
    const { live, rebuilt } = await liveAndRebuilt();
    expect(rebuilt).toEqual(live);
  }, 180_000);

  it('swaps a rebuilt projection in and reports its status through the CLI', async () => {
    const env = { ...process.env, DATABASE_URL: t.database.url };
    const before = await tableChecksums(t.database.db, ALL_PROJECTIONS);
    const rebuilt = await run('node', [...CLI, 'projections', 'rebuild', 'review'], { env, timeout: 120_000 });
    expect(rebuilt.stdout).toMatch(/^rebuilt review: \d+ events in [\d.]+ s \(\d+ ev\/s\), swapped in$/m);
    expect(rebuilt.stderr).toMatch(/review: .*events, [\d,]+ ev\/s/);
    expect(await tableChecksums(t.database.db, ALL_PROJECTIONS)).toEqual(before);
    const status = await run('node', [...CLI, 'projections', 'status'], { env, timeout: 60_000 });
    for (const projection of ALL_PROJECTIONS)
      expect(status.stdout).toMatch(new RegExp(`^${projection.name}\\s+position\\s+${head}\\s+lag\\s+0\\s+up to date`, 'm'));
  }, 120_000);
});
