import { useState, type FormEvent } from 'react';
import { api, ApiError, body } from '../api/client';
import type { Sheet } from '../api/models';
import { noteWrite } from '../api/writes';
import { CHOICE_LABELS, OPTION_LABELS, SHEET_LABELS as L, type SubmitRequiredField } from '../domain';
import { amount } from '../format';
import { Dialog } from '../ui/dialog';

/** What a lifecycle write answers (SheetCommandResultDto). */
interface Written {
  version: number;
  position: number;
}

/** Called after a lifecycle write succeeded: what to tell the person and where the log is now. */
export type Changed = (message: string, position: number) => void;

/** The fields sheet.incomplete lists, named as on the printed sheet. */
export const MISSING_LABELS: Readonly<Record<SubmitRequiredField, string>> = {
  category: L.category,
  summary: L.summary,
  'finance.settlement': L.settlement,
  implementation: L.implementation,
  effect: L.effect,
  'evaluation.effectiveness': CHOICE_LABELS.effectiveness,
  'evaluation.effectivenessReason': L.effectivenessReason,
  'evaluation.direction': CHOICE_LABELS.direction,
  'evaluation.directionReason': L.directionReason,
  'evaluation.strategyRevision': CHOICE_LABELS.strategyRevision,
  'evaluation.strategyRevisionReason': L.strategyRevisionReason,
  'finance.funding': `${L.funding}（${L.settlement}との一致）`,
};

/** A refusal as the person reads it: the problem's detail carries the Japanese reason. */
type Refusal = { message: string; missing: SubmitRequiredField[] };

/** A problem's detail is English with the Japanese reason in closing parentheses: the person reads the latter. */
export function japaneseReason(detail: string): string {
  const reason = /[(（]([^()（）]*[\u3040-\u30ff\u4e00-\u9fff][^()（）]*)[)）]\s*$/.exec(detail);
  return reason ? `${reason[1]}。` : detail;
}

function refusalOf(error: unknown, raw: unknown): Refusal {
  const message = japaneseReason(error instanceof Error ? error.message : String(error));
  const details = (raw as { details?: { missing?: unknown } } | undefined)?.details;
  const missing =
    error instanceof ApiError && error.code === 'sheet.incomplete' && Array.isArray(details?.missing) ? (details.missing as SubmitRequiredField[]) : [];
  if (error instanceof ApiError && error.code === 'sheet.version_conflict')
    return { message: '他の人が先にこのシートを更新しました。画面を再読み込みして最新の内容を確認してください。', missing };
  return { message, missing };
}

/** Sends a lifecycle write with the version the person saw (If-Match), so an unseen change is not approved by mistake. */
async function write(
  call: (header: { 'If-Match': string }) => Promise<{ data?: unknown; error?: unknown; response: Response }>,
  version: number,
): Promise<{ ok: true; written: Written } | { ok: false; refusal: Refusal }> {
  const result = await call({ 'If-Match': `"${version}"` });
  try {
    const written = body<Written>(result);
    noteWrite(written.position);
    return { ok: true, written };
  } catch (error) {
    return { ok: false, refusal: refusalOf(error, result.error) };
  }
}

function RefusalMessage({ refusal, action }: { refusal: Refusal | null; action: string }) {
  if (!refusal) return null;
  return (
    <div className="notice alert" role="alert">
      <p>
        {action}できませんでした：{refusal.message}
      </p>
      {refusal.missing.length > 0 && (
        <>
          <p>提出に必要な次の項目が未記入です：</p>
          <ul aria-label="未記入の項目">
            {refusal.missing.map((field) => (
              <li key={field}>{MISSING_LABELS[field] ?? field}</li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}

/** 企画課 on a submitted sheet: 差戻し with a required comment, or 承認; each confirmed in a dialog. */
export function ReviewActions({ sheet, onChanged }: { sheet: Sheet; onChanged: Changed }) {
  const [open, setOpen] = useState<'return' | 'approve' | null>(null);
  const [comment, setComment] = useState('');
  const [empty, setEmpty] = useState(false);
  const [busy, setBusy] = useState(false);
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  const show = (which: 'return' | 'approve') => {
    setComment('');
    setEmpty(false);
    setRefusal(null);
    setOpen(which);
  };

  const confirm = async (event: FormEvent) => {
    event.preventDefault();
    if (open === 'return' && comment.trim() === '') {
      setEmpty(true);
      document.getElementById('return-comment')?.focus();
      return;
    }
    setBusy(true);
    const path = { id: sheet.id };
    const result =
      open === 'return'
        ? await write((header) => api.POST('/api/v1/sheets/{id}/return', { params: { path, header }, body: { comment } }), sheet.version)
        : await write(
            (header) => api.POST('/api/v1/sheets/{id}/approve', { params: { path, header }, body: comment.trim() === '' ? {} : { comment } }),
            sheet.version,
          );
    setBusy(false);
    if (!result.ok) return setRefusal(result.refusal);
    const done = open === 'return' ? '差戻ししました。所管課のホームの先頭にコメントとともに表示されます。' : '承認しました。';
    setOpen(null);
    onChanged(done, result.written.position);
  };

  const returning = open === 'return';
  return (
    <section className="actions-panel" aria-labelledby="review-title">
      <h2 id="review-title">審査</h2>
      <p>内容を確認し、差し戻すか承認してください。</p>
      <div className="actions">
        <button type="button" className="button secondary" onClick={() => show('return')}>
          差戻し
        </button>
        <button type="button" className="button primary" onClick={() => show('approve')}>
          承認
        </button>
      </div>
      <Dialog open={open !== null} title={returning ? 'このシートを差し戻しますか' : 'このシートを承認しますか'} onClose={() => setOpen(null)}>
        <form onSubmit={confirm} noValidate>
          <p>
            {sheet.projectCode}　{sheet.projectName}（{sheet.department}）
          </p>
          <div className="field">
            <label htmlFor="return-comment">{returning ? '差戻しのコメント（必須）' : '承認のコメント（任意）'}</label>
            {returning && (
              <p className="hint" id="return-comment-hint">
                所管課に直してほしい点を具体的に書いてください。
              </p>
            )}
            <textarea
              id="return-comment"
              rows={4}
              value={comment}
              required={returning}
              onChange={(e) => {
                setComment(e.target.value);
                if (e.target.value.trim() !== '') setEmpty(false);
              }}
              aria-invalid={returning && empty ? true : undefined}
              aria-describedby={
                [returning ? 'return-comment-hint' : null, returning && empty ? 'return-comment-error' : null].filter(Boolean).join(' ') || undefined
              }
            />
            {returning && empty && (
              <p className="error" id="return-comment-error">
                差戻しのコメントを入力してください（所管課に理由が伝わるようにするためです）。
              </p>
            )}
          </div>
          <RefusalMessage refusal={refusal} action={returning ? '差戻し' : '承認'} />
          <div className="actions">
            <button type="submit" className="button primary" disabled={busy}>
              {returning ? '差し戻す' : '承認する'}
            </button>
            <button type="button" className="button secondary" onClick={() => setOpen(null)}>
              キャンセル
            </button>
          </div>
        </form>
      </Dialog>
    </section>
  );
}

/** The funding check the service makes on submit, said before the person submits. */
function fundingCheck(sheet: Sheet): { ok: boolean; text: string } {
  const { settlement, funding } = sheet.finance;
  const parts = Object.values(funding).filter((v): v is number => typeof v === 'number');
  const total = parts.length === 0 ? null : parts.reduce((a, b) => a + b, 0);
  if (settlement === null) return { ok: false, text: '決算が未記入です。' };
  if (total === settlement) return { ok: true, text: `財源内訳の合計（${amount(total)}）は決算（${amount(settlement)}）と一致しています。` };
  return { ok: false, text: `財源内訳の合計（${amount(total) ?? '未記入'}）が決算（${amount(settlement)}）と一致しません。` };
}

/** 所管課 on a draft or returned sheet: a review-before-submit summary, then 提出. */
export function SubmitAction({ sheet, onChanged }: { sheet: Sheet; onChanged: Changed }) {
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  const funding = fundingCheck(sheet);
  const { evaluation } = sheet;
  const choice = (value: keyof typeof OPTION_LABELS | null) => (value ? OPTION_LABELS[value] : '未記入');
  const confirm = async () => {
    setBusy(true);
    const result = await write((header) => api.POST('/api/v1/sheets/{id}/submit', { params: { path: { id: sheet.id }, header } }), sheet.version);
    setBusy(false);
    if (!result.ok) return setRefusal(result.refusal);
    setOpen(false);
    onChanged('提出しました。企画課の審査を待っています。', result.written.position);
  };
  return (
    <section className="actions-panel" aria-labelledby="submit-title">
      <h2 id="submit-title">提出</h2>
      <p>記入が終わったら、内容を確認して企画課へ提出してください。提出後は差戻しがあるまで変更できません。</p>
      <button
        type="button"
        className="button primary"
        onClick={() => {
          setRefusal(null);
          setOpen(true);
        }}
      >
        提出前の確認へ進む
      </button>
      <Dialog open={open} title="提出前の確認" onClose={() => setOpen(false)}>
        <dl className="summary">
          <div>
            <dt>{L.projectName}</dt>
            <dd>
              {sheet.projectCode}　{sheet.projectName}
            </dd>
          </div>
          <div>
            <dt>{L.category}</dt>
            <dd>{choice(sheet.category)}</dd>
          </div>
          <div>
            <dt>{L.budget}</dt>
            <dd>{amount(sheet.finance.budget) ?? '未記入'}</dd>
          </div>
          <div>
            <dt>{L.settlement}</dt>
            <dd>{amount(sheet.finance.settlement) ?? '未記入'}</dd>
          </div>
          <div>
            <dt>{L.funding}</dt>
            <dd className={funding.ok ? undefined : 'error'}>{funding.text}</dd>
          </div>
          <div>
            <dt>{CHOICE_LABELS.effectiveness}</dt>
            <dd>{choice(evaluation.effectiveness)}</dd>
          </div>
          <div>
            <dt>{CHOICE_LABELS.direction}</dt>
            <dd>{choice(evaluation.direction)}</dd>
          </div>
          <div>
            <dt>{CHOICE_LABELS.strategyRevision}</dt>
            <dd>{choice(evaluation.strategyRevision)}</dd>
          </div>
        </dl>
        <RefusalMessage refusal={refusal} action="提出" />
        <div className="actions">
          <button type="button" className="button primary" disabled={busy} onClick={confirm}>
            この内容で提出する
          </button>
          <button type="button" className="button secondary" onClick={() => setOpen(false)}>
            キャンセル
          </button>
        </div>
      </Dialog>
    </section>
  );
}
