import { api, body } from '../api/client';
import { lastWrite } from '../api/writes';
import type { Cycle, CycleProgress, Sheet } from '../api/models';
import { STATUS_LABELS, type SheetStatus } from '../domain';
import { countdownLabel, dateLabel, daysUntil, jstDateTime } from '../format';
import { Link, useScreenTitle } from '../router';
import { Await, useLoad } from '../ui/load';

const STATUSES: readonly SheetStatus[] = ['draft', 'submitted', 'returned', 'approved', 'published'];

interface Home {
  queue: Sheet[];
  cycle: Cycle | null;
  progress: CycleProgress | null;
}

async function loadHome(): Promise<Home> {
  const [submitted, cycles] = await Promise.all([
    api.GET('/api/v1/sheets', { params: { query: { status: 'submitted', minPosition: lastWrite() } } }).then((r) => body<Sheet[]>(r)),
    api.GET('/api/v1/cycles').then((r) => body<Cycle[]>(r)),
  ]);
  // Oldest submission first: the queue is worked in the order departments sent their sheets.
  const queue = submitted.sort((a, b) => (a.timeline.submittedAt ?? '').localeCompare(b.timeline.submittedAt ?? ''));
  const cycle = cycles[0] ?? null;
  const progress = cycle
    ? body<CycleProgress>(await api.GET('/api/v1/cycles/{fy}/progress', { params: { path: { fy: cycle.fiscalYear }, query: { minPosition: lastWrite() } } }))
    : null;
  return { queue, cycle, progress };
}

export function PlanningHome() {
  const home = useLoad(loadHome, []);
  useScreenTitle('企画課ホーム', home.state !== 'loading');
  return (
    <>
      <h1 id="screen-title" tabIndex={-1}>
        企画課ホーム
      </h1>
      <Await loaded={home}>
        {({ queue, cycle, progress }) => (
          <>
            <h2 id="queue-title">審査待ちのシート（提出の古い順、{queue.length}件）</h2>
            {queue.length === 0 ? (
              <p>審査待ちのシートはありません。</p>
            ) : (
              <table className="list" aria-labelledby="queue-title">
                <thead>
                  <tr>
                    <th scope="col">提出日時</th>
                    <th scope="col">年度</th>
                    <th scope="col">所管課</th>
                    <th scope="col">No</th>
                    <th scope="col">事業名</th>
                  </tr>
                </thead>
                <tbody>
                  {queue.map((sheet) => (
                    <tr key={sheet.id}>
                      <td>{jstDateTime(sheet.timeline.submittedAt)}</td>
                      <td>{sheet.fiscalYearLabel}</td>
                      <td>{sheet.department}</td>
                      <td>{sheet.projectCode}</td>
                      <th scope="row">
                        <Link href={`/sheets/${encodeURIComponent(sheet.id)}`}>{sheet.projectName}</Link>
                      </th>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
            {cycle && progress && <Progress cycle={cycle} progress={progress} />}
          </>
        )}
      </Await>
    </>
  );
}

function Progress({ cycle, progress }: { cycle: Cycle; progress: CycleProgress }) {
  const deadline = progress.deadlines.departmentSubmission;
  return (
    <section aria-labelledby="progress-title">
      <h2 id="progress-title">所管課別の進捗（{cycle.fiscalYearLabel}）</h2>
      <p>
        所管課の提出期限：{dateLabel(deadline)}
        {deadline && `（${countdownLabel(daysUntil(deadline, progress.today))}）`}　基準日：{dateLabel(progress.today)}
      </p>
      <table className="list" aria-labelledby="progress-title">
        <thead>
          <tr>
            <th scope="col">所管課</th>
            <th scope="col" className="num">
              シート数
            </th>
            {STATUSES.map((status) => (
              <th scope="col" className="num" key={status}>
                {STATUS_LABELS[status]}
              </th>
            ))}
            <th scope="col" className="num">
              期限超過
            </th>
          </tr>
        </thead>
        <tbody>
          {progress.byDepartment.map((row) => (
            <tr key={row.department} className={row.pastDeadline > 0 ? 'overdue' : undefined}>
              <th scope="row">{row.department}</th>
              <td className="num">{row.sheetCount}</td>
              {STATUSES.map((status) => (
                <td className="num" key={status}>
                  {row.byStatus[status]}
                </td>
              ))}
              <td className="num">{row.pastDeadline > 0 ? <span className="overdue-text">{row.pastDeadline}件 超過</span> : '0'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
