import { api, body } from '../api/client';
import { lastWrite } from '../api/writes';
import type { CycleProgress, Sheet } from '../api/models';
import type { SheetStatus } from '../domain';
import { countdownLabel, dateLabel, daysUntil } from '../format';
import { Link, useScreenTitle } from '../router';
import { Await, useLoad } from '../ui/load';
import { StatusBadge } from '../ui/status';

// Work first: returned sheets, then drafts, then what waits on others.
const ORDER: Record<SheetStatus, number> = { returned: 0, draft: 1, submitted: 2, approved: 3, published: 4 };
const OPEN: readonly SheetStatus[] = ['returned', 'draft'];

interface Home {
  sheets: Sheet[];
  /** Per fiscal year with open sheets: the submission deadline and today, by the service's clock. */
  deadlines: Map<number, { deadline: string | null; today: string }>;
}

async function loadHome(): Promise<Home> {
  const sheets = body<Sheet[]>(await api.GET('/api/v1/sheets', { params: { query: { minPosition: lastWrite() } } }));
  sheets.sort((a, b) => ORDER[a.status] - ORDER[b.status] || b.fiscalYear - a.fiscalYear || a.projectCode.localeCompare(b.projectCode));
  const years = [...new Set(sheets.filter((s) => OPEN.includes(s.status)).map((s) => s.fiscalYear))];
  const deadlines = new Map<number, { deadline: string | null; today: string }>();
  await Promise.all(
    years.map(async (fy) => {
      const progress = body<CycleProgress>(await api.GET('/api/v1/cycles/{fy}/progress', { params: { path: { fy } } }));
      deadlines.set(fy, { deadline: progress.deadlines.departmentSubmission ?? null, today: progress.today });
    }),
  );
  return { sheets, deadlines };
}

function Deadline({ sheet, home }: { sheet: Sheet; home: Home }) {
  if (!OPEN.includes(sheet.status)) return <>－</>;
  const cycle = home.deadlines.get(sheet.fiscalYear);
  if (!cycle?.deadline) return <>期限の設定なし</>;
  const days = daysUntil(cycle.deadline, cycle.today);
  return (
    <>
      {dateLabel(cycle.deadline)}
      <br />
      <span className={days < 0 ? 'overdue-text' : undefined}>（{countdownLabel(days)}）</span>
    </>
  );
}

export function DepartmentHome({ department }: { department: string }) {
  const home = useLoad(loadHome, []);
  useScreenTitle('所管課ホーム', home.state !== 'loading');
  return (
    <>
      <h1 id="screen-title" tabIndex={-1}>
        所管課ホーム（{department}）
      </h1>
      <Await loaded={home}>
        {(data) => {
          const returned = data.sheets.filter((s) => s.status === 'returned');
          return (
            <>
              {returned.length > 0 && (
                <section aria-labelledby="returned-title">
                  <h2 id="returned-title">差戻しされたシート（{returned.length}件）</h2>
                  <ul>
                    {returned.map((sheet) => (
                      <li key={sheet.id}>
                        <Link href={`/sheets/${encodeURIComponent(sheet.id)}`}>
                          {sheet.projectCode} {sheet.projectName}
                        </Link>
                        <p className="comment">
                          <strong>企画課からのコメント：</strong>
                          {sheet.lastReturnComment ?? '（コメントなし）'}
                        </p>
                      </li>
                    ))}
                  </ul>
                </section>
              )}
              <h2 id="sheets-title">担当のシート（{data.sheets.length}件）</h2>
              {data.sheets.length === 0 ? (
                <p>担当のシートはまだありません。</p>
              ) : (
                <table className="list" aria-labelledby="sheets-title">
                  <thead>
                    <tr>
                      <th scope="col">年度</th>
                      <th scope="col">No</th>
                      <th scope="col">事業名</th>
                      <th scope="col">状態</th>
                      <th scope="col">提出期限</th>
                    </tr>
                  </thead>
                  <tbody>
                    {data.sheets.map((sheet) => (
                      <tr key={sheet.id}>
                        <td>{sheet.fiscalYearLabel}</td>
                        <td>{sheet.projectCode}</td>
                        <th scope="row">
                          <Link href={`/sheets/${encodeURIComponent(sheet.id)}`}>{sheet.projectName}</Link>
                        </th>
                        <td>
                          <StatusBadge status={sheet.status} />
                        </td>
                        <td>
                          <Deadline sheet={sheet} home={data} />
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              )}
            </>
          );
        }}
      </Await>
    </>
  );
}
