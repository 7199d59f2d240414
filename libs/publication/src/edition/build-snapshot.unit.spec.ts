import { initialCycleState, initialSheetState, type CycleState, type SheetState } from '@kensho/review';
import { strategy } from '../testing/fixtures.js';
import { buildEditionSnapshot, compareProjectCodes, type PinnedSheet } from './build-snapshot.js';

const cycle: CycleState = { ...initialCycleState, exists: true, fiscalYear: 2016, title: '平成28年度 効果検証' };

const pinned = (id: string, code: string, department: string, assignedPosition: number, state: Partial<SheetState> = {}): PinnedSheet => ({
  state: {
    ...initialSheetState,
    exists: true,
    id,
    fiscalYear: 2016,
    projectCode: code,
    projectName: `事業${code}`,
    department,
    status: 'published',
    lastReturnComment: '内部のコメント',
    ...state,
  },
  version: 6,
  headHash: 'h'.repeat(64),
  assignedPosition,
});

describe('an edition snapshot', () => {
  it('orders sheets by project code, then in the order they were assigned (the source order)', () => {
    const snapshot = buildEditionSnapshot({
      edition: 1,
      publishedAt: '2017-10-02T01:00:00.000Z',
      cycle,
      strategy,
      previous: null,
      sheets: [
        pinned('2016.3-01.kowanseisaku', '3-01', '港湾政策課', 30),
        pinned('2016.1-15.sangyoshinko', '1-15', '産業振興課', 16),
        pinned('2016.3-01.somu', '3-01', '総務課', 28),
        pinned('2016.1-15.nosuisan', '1-15', '農水産課', 15),
        pinned('2016.1-02.sangyoshinko', '1-02', '産業振興課', 2),
      ],
    });
    expect(snapshot.sheets.map((s) => s.id)).toEqual([
      '2016.1-02.sangyoshinko',
      '2016.1-15.nosuisan',
      '2016.1-15.sangyoshinko',
      '2016.3-01.somu',
      '2016.3-01.kowanseisaku',
    ]);
    expect(compareProjectCodes('10-01', '9-01')).toBeGreaterThan(0);
  });

  it('shows the public nothing of the internal review (return comments, warnings)', () => {
    const snapshot = buildEditionSnapshot({
      edition: 1,
      publishedAt: 'x',
      cycle,
      strategy: null,
      previous: null,
      sheets: [pinned('2016.1-01.kikaku', '1-01', '企画課', 1)],
    });
    expect(JSON.stringify(snapshot)).not.toContain('内部のコメント');
    expect(snapshot.sheets[0]).toMatchObject({ version: 6, headHash: 'h'.repeat(64) });
  });

  it('keeps the edition that first carried each correction', () => {
    const first = { reason: '誤記の訂正', at: '2017-11-01T00:00:00.000Z', fields: ['effect'] };
    const second = { reason: '数値の訂正', at: '2017-12-01T00:00:00.000Z', fields: ['finance.settlement'] };
    const edition2 = buildEditionSnapshot({
      edition: 2,
      publishedAt: 'x',
      cycle,
      strategy: null,
      previous: null,
      sheets: [pinned('2016.1-01.kikaku', '1-01', '企画課', 1, { corrections: [first] })],
    });
    const edition3 = buildEditionSnapshot({
      edition: 3,
      publishedAt: 'y',
      cycle,
      strategy: null,
      previous: edition2,
      sheets: [pinned('2016.1-01.kikaku', '1-01', '企画課', 1, { corrections: [first, second] })],
    });
    expect(edition3.corrections.map((c) => [c.reason, c.edition])).toEqual([
      ['誤記の訂正', 2],
      ['数値の訂正', 3],
    ]);
  });
});
