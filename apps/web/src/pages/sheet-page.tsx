import { useState, type ReactNode } from 'react';
import { api, body } from '../api/client';
import type { Sheet } from '../api/models';
import {
  BASIS_NOTES,
  CHOICE_LABELS,
  FUNDING_LABELS,
  OPTION_LABELS,
  SHEET_LABELS as L,
  periodLabel,
  type ChoiceProvenance,
  type KpiValue,
  type RichText,
} from '../domain';
import { amount, jstDateTime } from '../format';
import { Link, useScreenTitle } from '../router';
import { Await, useLoad } from '../ui/load';
import { ReviewActions, SubmitAction } from './sheet-actions';
import { StatusBadge } from '../ui/status';

const FUNDING_PARTS = ['nationalPrefectural', 'municipalBonds', 'other', 'generalFund'] as const;
type OptionKey = keyof typeof OPTION_LABELS;

const Empty = ({ children = '－' }: { children?: ReactNode }) => <span className="empty">{children}</span>;

function Text({ value }: { value: RichText | null }) {
  if (!value || value.length === 0) return <Empty />;
  return (
    <>
      {value.map((block, i) =>
        block.kind === 'paragraph' ? (
          <p key={i}>{block.text}</p>
        ) : (
          <ul className="bullets" key={i}>
            {block.items.map((item, j) => (
              <li key={j}>{item}</li>
            ))}
          </ul>
        ),
      )}
    </>
  );
}

/**
 * The printed sheet's ■/□ marks, the chosen option also said in words; as in the published report,
 * a choice read from its reason says so, and one the source lost is left all □ with a note.
 */
function Choices<T extends OptionKey>({ options, chosen, provenance = 'stated' }: { options: readonly T[]; chosen: T | null; provenance?: ChoiceProvenance }) {
  const known = chosen !== null && provenance !== 'unknown';
  return (
    <>
      <ul className="choices">
        {options.map((option) => (
          <li key={option}>
            <span aria-hidden="true">{known && option === chosen ? '■' : '□'}</span>
            {OPTION_LABELS[option]}
            {known && option === chosen && (
              <>
                <span className="visually-hidden">（選択）</span>
                {provenance === 'inferred' && <span className="note">（{BASIS_NOTES.inferred}）</span>}
              </>
            )}
          </li>
        ))}
      </ul>
      {!known && <p className="note">※{BASIS_NOTES.unknown}</p>}
    </>
  );
}

function Kpi({ value, period }: { value: KpiValue; period?: { from: number; to: number } | null }) {
  if (value.status === 'empty' && !period) return <Empty />;
  return (
    <>
      {value.status === 'empty' ? <Empty /> : value.text}
      {period && <span>［{periodLabel(period)}］</span>}
    </>
  );
}

function SheetBody({ sheet }: { sheet: Sheet }) {
  const { finance, evaluation } = sheet;
  const amountCell = (value: number | null) => amount(value) ?? <Empty>記載なし</Empty>;
  return (
    <article className="sheet" aria-labelledby="screen-title">
      <p className="caption">
        <span>
          {L.title}　{sheet.fiscalYearLabel}
        </span>
      </p>
      <table>
        <tbody>
          <tr>
            <th scope="row">{L.projectName}</th>
            <td>{sheet.projectName}</td>
            <th scope="row">{L.department}</th>
            <td>{sheet.department}</td>
            <th scope="row">{L.projectCode}</th>
            <td>{sheet.projectCode}</td>
          </tr>
        </tbody>
      </table>
      <h2 className="band">{L.policyAreas}</h2>
      <p className="caption">{sheet.policyAreas.map((code) => (code === 'プラス1' ? code : `基本目標${code}`)).join('、')}</p>
      <h2 className="band">{L.contentSection}</h2>
      <table>
        <tbody>
          <tr>
            <th scope="row">{L.category}</th>
            <td>
              <Choices
                options={['new', 'continuing', 'revised'] as const}
                chosen={sheet.category}
                provenance={sheet.category === null ? 'unknown' : 'stated'}
              />
            </td>
            <th scope="row">{L.implementingBody}</th>
            <td>
              <ul className="choices">
                <li>
                  <span aria-hidden="true">{sheet.implementingBody.city ? '■' : '□'}</span>室蘭市
                </li>
                <li>
                  <span aria-hidden="true">{sheet.implementingBody.other !== null ? '■' : '□'}</span>その他（{sheet.implementingBody.other ?? '　'}）
                </li>
              </ul>
              {sheet.implementingBody.city === null && <p className="note">※室蘭市：{BASIS_NOTES.unknown}</p>}
            </td>
          </tr>
          <tr>
            <th scope="row">{L.summary}</th>
            <td colSpan={3}>
              <Text value={sheet.summary} />
            </td>
          </tr>
          <tr>
            <th scope="row">{L.finance}</th>
            <td colSpan={3}>
              <table aria-label={`${L.budget}・${L.settlement}・${L.funding}（千円）`}>
                <thead>
                  <tr>
                    <td></td>
                    <th scope="col">金額</th>
                    {FUNDING_PARTS.map((part) => (
                      <th scope="col" key={part}>
                        {L.funding}［{FUNDING_LABELS[part]}］
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  <tr>
                    <th scope="row">{L.budget}</th>
                    <td className="num">{amountCell(finance.budget)}</td>
                    {FUNDING_PARTS.map((part) => (
                      <td key={part}></td>
                    ))}
                  </tr>
                  <tr>
                    <th scope="row">{L.settlement}</th>
                    <td className="num">{amountCell(finance.settlement)}</td>
                    {FUNDING_PARTS.map((part) => (
                      <td className="num" key={part}>
                        {amount(finance.funding[part]) ?? ''}
                      </td>
                    ))}
                  </tr>
                </tbody>
              </table>
            </td>
          </tr>
          <tr>
            <th scope="row">{L.implementation}</th>
            <td colSpan={3}>
              <Text value={sheet.implementation} />
            </td>
          </tr>
          <tr>
            <th scope="row">{L.kpi}</th>
            <td colSpan={3}>
              <table aria-label={L.strategyKpis}>
                <thead>
                  <tr>
                    <th scope="col">{L.strategyKpis}</th>
                    <th scope="col">目標［対象年度］</th>
                    <th scope="col">実績［対象年度］</th>
                  </tr>
                </thead>
                <tbody>
                  {sheet.strategyKpis.length === 0 ? (
                    <tr>
                      <td colSpan={3}>
                        <Empty />
                      </td>
                    </tr>
                  ) : (
                    sheet.strategyKpis.map((kpi, i) => (
                      <tr key={i}>
                        <td>{kpi.name}</td>
                        <td>
                          <Kpi value={kpi.target} period={kpi.targetPeriod} />
                        </td>
                        <td>
                          <Kpi value={kpi.actual} period={kpi.actualPeriod} />
                        </td>
                      </tr>
                    ))
                  )}
                </tbody>
              </table>
              <table aria-label={L.planKpis}>
                <thead>
                  <tr>
                    <th scope="col">{L.planKpis}</th>
                    <th scope="col">{sheet.fiscalYearLabel}目標値</th>
                    <th scope="col">後年度目標値</th>
                    <th scope="col">{sheet.fiscalYearLabel}実績</th>
                  </tr>
                </thead>
                <tbody>
                  {sheet.planKpis.length === 0 ? (
                    <tr>
                      <td colSpan={4}>
                        <Empty />
                      </td>
                    </tr>
                  ) : (
                    sheet.planKpis.map((kpi, i) => (
                      <tr key={i}>
                        <td>{kpi.name}</td>
                        <td>
                          <Kpi value={kpi.targetThisYear} />
                        </td>
                        <td>
                          <Kpi value={kpi.targetLaterYear} />
                          {kpi.laterFiscalYear !== null && `［${kpi.laterFiscalYear}年度］`}
                        </td>
                        <td>
                          <Kpi value={kpi.actualThisYear} />
                        </td>
                      </tr>
                    ))
                  )}
                </tbody>
              </table>
            </td>
          </tr>
          <tr>
            <th scope="row">{L.effect}</th>
            <td colSpan={3}>
              <Text value={sheet.effect} />
            </td>
          </tr>
        </tbody>
      </table>
      <h2 className="band">{L.evaluationSection}</h2>
      <table>
        <tbody>
          <tr>
            <th scope="row">{CHOICE_LABELS.effectiveness}</th>
            <td>
              <Choices options={['effective', 'not_effective'] as const} chosen={evaluation.effectiveness} provenance={evaluation.provenance?.effectiveness} />
            </td>
          </tr>
          <tr>
            <th scope="row">{L.effectivenessReason}</th>
            <td>{evaluation.effectivenessReason ? <p>{evaluation.effectivenessReason}</p> : <Empty />}</td>
          </tr>
          <tr>
            <th scope="row">{CHOICE_LABELS.direction}</th>
            <td>
              <Choices
                options={['expand', 'improve', 'continue', 'discontinue', 'complete'] as const}
                chosen={evaluation.direction}
                provenance={evaluation.provenance?.direction}
              />
            </td>
          </tr>
          <tr>
            <th scope="row">{L.directionReason}</th>
            <td>{evaluation.directionReason ? <p>{evaluation.directionReason}</p> : <Empty />}</td>
          </tr>
          <tr>
            <th scope="row">{CHOICE_LABELS.strategyRevision}</th>
            <td>
              <Choices options={['needed', 'not_needed'] as const} chosen={evaluation.strategyRevision} provenance={evaluation.provenance?.strategyRevision} />
            </td>
          </tr>
          <tr>
            <th scope="row">{L.strategyRevisionReason}</th>
            <td>{evaluation.strategyRevisionReason ? <p>{evaluation.strategyRevisionReason}</p> : <Empty />}</td>
          </tr>
        </tbody>
      </table>
      <h2 className="band">{L.committeeSection}</h2>
      <table>
        <tbody>
          <tr>
            <th scope="row">{L.committeeOpinion}</th>
            <td>
              {sheet.committeeOpinion ? (
                <p>
                  {sheet.committeeOpinion.opinion}
                  {sheet.committeeOpinion.rating && `（評価：${sheet.committeeOpinion.rating}）`}
                </p>
              ) : (
                <Empty>意見なし</Empty>
              )}
            </td>
          </tr>
          <tr>
            <th scope="row">{L.cityResponse}</th>
            <td>{sheet.cityResponse ? <p>{sheet.cityResponse.response}</p> : <Empty />}</td>
          </tr>
        </tbody>
      </table>
    </article>
  );
}

export function SheetPage({ id, role }: { id: string; role: string }) {
  // After an action the view is read again at the action's log position, so it shows the new status.
  const [minPosition, setMinPosition] = useState(() => Number(new URLSearchParams(window.location.search).get('minPosition')) || undefined);
  const [done, setDone] = useState<string | null>(null);
  const sheet = useLoad(async () => body<Sheet>(await api.GET('/api/v1/sheets/{id}', { params: { path: { id }, query: { minPosition } } })), [id, minPosition]);
  const title = sheet.state === 'ready' ? sheet.data.projectName : L.title;
  useScreenTitle(title, sheet.state !== 'loading');
  const changed = (message: string, position: number) => {
    setDone(message);
    setMinPosition(position);
  };
  const canEdit = role === 'department';
  return (
    <>
      <p className="breadcrumb">
        <Link href="/">← ホームへ戻る</Link>
      </p>
      <h1 id="screen-title" tabIndex={-1}>
        {title}
      </h1>
      <div aria-live="polite">{done && <p className="notice">{done}</p>}</div>
      <Await loaded={sheet}>
        {(data) => (
          <>
            <dl className="meta">
              <div>
                <dt>年度</dt>
                <dd>{data.fiscalYearLabel}</dd>
              </div>
              <div>
                <dt>状態</dt>
                <dd>
                  <StatusBadge status={data.status} />
                </dd>
              </div>
              <div>
                <dt>版</dt>
                <dd>{data.version}</dd>
              </div>
              {data.timeline.submittedAt && (
                <div>
                  <dt>提出日</dt>
                  <dd>{jstDateTime(data.timeline.submittedAt)}</dd>
                </div>
              )}
              {data.carriedFrom && (
                <div>
                  <dt>前年度から引継ぎ</dt>
                  <dd>
                    <Link href={`/sheets/${encodeURIComponent(data.carriedFrom)}`}>{data.carriedFrom}</Link>
                  </dd>
                </div>
              )}
            </dl>
            {canEdit && (data.status === 'draft' || data.status === 'returned') && (
              <p>
                <Link className="button primary" href={`/sheets/${encodeURIComponent(data.id)}/edit`}>
                  このシートを編集する
                </Link>
              </p>
            )}
            {canEdit && (data.status === 'draft' || data.status === 'returned') && <SubmitAction sheet={data} onChanged={changed} />}
            {role === 'planning' && data.status === 'submitted' && <ReviewActions sheet={data} onChanged={changed} />}
            {data.status === 'returned' && (
              <div className="notice alert" role="note" aria-label="企画課からのコメント">
                <strong>企画課からのコメント（差戻し）：</strong>
                <p className="comment">{data.lastReturnComment ?? '（コメントなし）'}</p>
              </div>
            )}
            <SheetBody sheet={data} />
          </>
        )}
      </Await>
    </>
  );
}
