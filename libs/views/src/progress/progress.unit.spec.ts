import type { CycleDeadlines } from '@kensho/review';
import { facts } from '../testing/fixtures.js';
import { cycleProgress, jstDate, pastDeadlines } from './progress.js';

const deadlines: CycleDeadlines = { departmentSubmission: '2017-06-30', planningReview: '2017-07-31', committee: '2017-09-30', publication: null };
const draft = facts({ sheetId: '2016.1-01.kikaku', projectCode: '1-01', department: '企画課', status: 'draft', submittedAt: null, approvedAt: null });

describe('pastDeadlines', () => {
  it('meets a deadline on its own day, in Japan time', () => {
    // 2017-06-30 23:30 JST is 14:30 UTC: still the deadline day in Muroran.
    const lateEvening = facts({ status: 'submitted', submittedAt: '2017-06-30T14:30:00.000Z', approvedAt: null });
    expect(jstDate('2017-06-30T14:30:00.000Z')).toBe('2017-06-30');
    expect(pastDeadlines(lateEvening, deadlines, '2017-07-01')).toEqual([]);
  });

  it('lists a sheet still with its department once the submission deadline has passed', () => {
    expect(pastDeadlines(draft, deadlines, '2017-06-30')).toEqual([]);
    expect(pastDeadlines(draft, deadlines, '2017-07-03')).toEqual([
      expect.objectContaining({ sheetId: '2016.1-01.kikaku', stage: 'departmentSubmission', deadline: '2017-06-30', completedAt: null, daysPast: 3 }),
    ]);
  });

  it('lists a late submission with the days it was late, and each later stage it misses', () => {
    const late = facts({ status: 'submitted', submittedAt: '2017-07-02T01:00:00.000Z', approvedAt: null });
    expect(pastDeadlines(late, deadlines, '2017-08-02').map((p) => [p.stage, p.daysPast, p.completedAt])).toEqual([
      ['departmentSubmission', 2, '2017-07-02T01:00:00.000Z'],
      ['planningReview', 2, null],
    ]);
  });

  it('counts a returned sheet as not submitted again, and ignores stages without a deadline', () => {
    const returned = facts({ status: 'returned', approvedAt: null });
    expect(pastDeadlines(returned, { ...deadlines, planningReview: null }, '2017-12-01').map((p) => p.stage)).toEqual(['departmentSubmission']);
  });
});

describe('cycleProgress', () => {
  it('counts sheets per department and status, and names the departments yet to submit', () => {
    const progress = cycleProgress(
      [draft, facts(), facts({ sheetId: '2016.1-09.sangyoshinko', projectCode: '1-09', status: 'returned' })],
      deadlines,
      '2017-07-10',
    );
    expect(progress.byStatus).toEqual({ draft: 1, submitted: 0, returned: 1, approved: 1, published: 0 });
    expect(progress.byDepartment).toEqual([
      { department: '企画課', sheetCount: 1, byStatus: { draft: 1, submitted: 0, returned: 0, approved: 0, published: 0 }, notSubmitted: 1, pastDeadline: 1 },
      {
        department: '産業振興課',
        sheetCount: 2,
        byStatus: { draft: 0, submitted: 0, returned: 1, approved: 1, published: 0 },
        notSubmitted: 1,
        pastDeadline: 1,
      },
    ]);
    expect(progress.departmentsNotSubmitted).toEqual([
      { department: '企画課', sheets: [{ sheetId: '2016.1-01.kikaku', projectCode: '1-01', projectName: '市内創業支援等事業', status: 'draft' }] },
      { department: '産業振興課', sheets: [{ sheetId: '2016.1-09.sangyoshinko', projectCode: '1-09', projectName: '市内創業支援等事業', status: 'returned' }] },
    ]);
  });
});
