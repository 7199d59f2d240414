import { createTestDatabase, type TestDatabase } from '@kensho/testing';
import { writeRows } from './batch.js';

/** Values COPY's text format and array literals must escape, beside ordinary ones. */
const TRICKY = [
  { id: 'plain', position: 1, areas: ['1', 'プラス1'], at: '2017-04-01T00:00:00.000Z', flag: true, doc: { text: '室蘭市', n: 1.5 } },
  {
    id: 'tab\there',
    position: 2,
    areas: ['a"quoted"', 'back\\slash', 'comma,brace{}'],
    at: '2017-04-01T09:30:00.123Z',
    flag: false,
    doc: ['line\nbreak', 'cr\r', 'tab\t', 'back\\slash', '"q"'],
  },
  { id: 'nulls', position: 3, areas: [], at: null, flag: null, doc: null },
  { id: '\\N', position: 4, areas: ['NULL', ''], at: '2017-04-01T00:00:00.000Z', flag: true, doc: { nested: { deep: [null, 'x'] } } },
];

/** Enough rows for a plain insert to go by COPY. */
const MANY = Array.from({ length: 25 }, (_, k) => TRICKY.map((row) => ({ ...row, id: `${row.id}#${k}`, position: row.position + 10 * k }))).flat();

describe('writeRows: COPY for many inserts, JSON for few and for upserts, the same rows every way', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase([]);
    for (const table of ['via_copy', 'via_insert', 'via_upsert']) {
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
    (await database.db.query(`SELECT id, position, areas, at, flag, doc, seq FROM ${table} ORDER BY seq`)).rows.map((r) => ({
      ...r,
      at: r.at?.toISOString() ?? null,
    }));

  it('round-trips tabs, newlines, backslashes, quotes, NULL-looking text and Japanese, in order', async () => {
    await database.db.transaction(async (client) => {
      await writeRows(client, 'via_copy', columns, MANY);
      await writeRows(client, 'via_insert', columns, MANY.slice(0, 4));
      await writeRows(client, 'via_upsert', columns, MANY, { conflictKey: ['id'] });
    });
    const copied = await read('via_copy');
    expect(copied.map(({ seq: _seq, ...row }) => row)).toEqual(MANY);
    expect(copied.map((r) => Number(r.seq))).toEqual(MANY.map((_, i) => i + 1));
    expect(await read('via_upsert')).toEqual(copied);
    expect(await read('via_insert')).toEqual(copied.slice(0, 4));
  });

  it('replaces every column but the key on upsert, or keeps the row when asked to', async () => {
    await database.db.transaction(async (client) => {
      await writeRows(client, 'via_upsert', columns, [{ ...MANY[0], position: 1000, areas: ['2'] }], { conflictKey: ['id'] });
      await writeRows(client, 'via_upsert', columns, [{ ...MANY[1], position: 2000 }], { conflictKey: ['id'], keepExisting: true });
    });
    const rows = await read('via_upsert');
    expect(rows.find((r) => r.id === 'plain#0')).toMatchObject({ position: 1000, areas: ['2'] });
    expect(rows.find((r) => r.id === 'tab\there#0')).toMatchObject({ position: 2 });
  });
});
