import { createTestDatabase, type TestDatabase } from '@kensho/testing';
import { writeRows } from './batch.js';

/** Values COPY's text format and array literals must escape, beside ordinary ones. */
const TRICKY = [
  { id: 'plain', position: 1, areas: ['1', 'プラス1'], at: '2017-04-01T00:00:00.000Z', flag: true, doc: { text: '室蘭市', n: 1.5 } },
  { id: 'tab\there', position: 2, areas: ['a"quoted"', 'back\\slash', 'comma,brace{}'], at: '2017-04-01T09:30:00.123Z', flag: false, doc: ['line\nbreak', 'cr\r', 'tab\t', 'back\\slash', '"q"'] },
  { id: 'nulls', position: 3, areas: [], at: null, flag: null, doc: null },
  { id: '\\N', position: 4, areas: ['NULL', ''], at: '2017-04-01T00:00:00.000Z', flag: true, doc: { nested: { deep: [null, 'x'] } } },
];

describe('writeRows: COPY for inserts, JSON for upserts, the same rows either way', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase([]);
    for (const table of ['via_copy', 'via_upsert']) {
      await database.db.query(
        `CREATE TABLE ${table} (id text PRIMARY KEY, position bigint, areas text[], at timestamptz, flag boolean, doc jsonb, seq bigint GENERATED ALWAYS AS IDENTITY)`,
      );
    }
  });
  afterAll(async () => {
    await database.drop();
  });

  const columns = ['id', 'position', 'areas', 'at', 'flag', 'doc'];
  const read = async (table: string) =>
    (await database.db.query(`SELECT id, position, areas, at, flag, doc, seq FROM ${table} ORDER BY seq`)).rows.map((r) => ({ ...r, at: r.at?.toISOString() ?? null }));

  it('round-trips tabs, newlines, backslashes, quotes, NULL-looking text and Japanese, in order', async () => {
    await database.db.transaction(async (client) => {
      await writeRows(client, 'via_copy', columns, TRICKY);
      await writeRows(client, 'via_upsert', columns, TRICKY, { conflictKey: ['id'] });
    });
    const copied = await read('via_copy');
    expect(copied.map(({ seq: _seq, ...row }) => row)).toEqual(TRICKY);
    expect(copied.map((r) => Number(r.seq))).toEqual([1, 2, 3, 4]);
    expect(await read('via_upsert')).toEqual(copied);
  });

  it('replaces every column but the key on upsert, or keeps the row when asked to', async () => {
    await database.db.transaction(async (client) => {
      await writeRows(client, 'via_upsert', columns, [{ ...TRICKY[0], position: 10, areas: ['2'] }], { conflictKey: ['id'] });
      await writeRows(client, 'via_upsert', columns, [{ ...TRICKY[1], position: 20 }], { conflictKey: ['id'], keepExisting: true });
    });
    const rows = await read('via_upsert');
    expect(rows.find((r) => r.id === 'plain')).toMatchObject({ position: 10, areas: ['2'] });
    expect(rows.find((r) => r.id === 'tab\there')).toMatchObject({ position: 2 });
  });
});
