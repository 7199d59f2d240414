import { useState, type FormEvent, type ReactNode } from 'react';
import { api, ApiError, body } from '../api/client';
import type { Sheet } from '../api/models';
import { noteWrite } from '../api/writes';
import { FUNDING_LABELS, OPTION_LABELS, SHEET_LABELS as L, type Funding, type RichText } from '../domain';
import { amount } from '../format';
import { Link, navigate, useScreenTitle } from '../router';
import { Await, useLoad } from '../ui/load';

const FUNDING_PARTS = ['nationalPrefectural', 'municipalBonds', 'other', 'generalFund'] as const satisfies readonly (keyof Funding)[];
const CATEGORIES = ['new', 'continuing', 'revised'] as const;
const AMOUNTS = ['budget', 'settlement', ...FUNDING_PARTS] as const;
type AmountField = (typeof AMOUNTS)[number];

interface Form {
  category: '' | (typeof CATEGORIES)[number];
  city: boolean;
  other: string;
  summary: string;
  implementation: string;
  effect: string;
  amounts: Record<AmountField, string>;
}

/** Rich text as the person typed it: a line per paragraph, '・' before each item of a list (the API reads it back). */
function plain(text: RichText | null): string {
  return (text ?? []).map((block) => (block.kind === 'paragraph' ? block.text : block.items.map((item) => `・${item}`).join('\n'))).join('\n');
}

function formOf(sheet: Sheet): Form {
  const { finance } = sheet;
  const shown = (value: number | null) => (value === null ? '' : value.toLocaleString('ja-JP'));
  return {
    category: sheet.category ?? '',
    city: sheet.implementingBody.city === true,
    other: sheet.implementingBody.other ?? '',
    summary: plain(sheet.summary),
    implementation: plain(sheet.implementation),
    effect: plain(sheet.effect),
    amounts: {
      budget: shown(finance.budget),
      settlement: shown(finance.settlement),
      ...(Object.fromEntries(FUNDING_PARTS.map((part) => [part, shown(finance.funding[part])])) as Record<(typeof FUNDING_PARTS)[number], string>),
    },
  };
}

/** '10,695' or '１０６９５' → 10695; '' → null (empty, not zero); anything else → undefined (invalid). */
export function parseAmount(text: string): number | null | undefined {
  const normal = text.replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0)).replace(/[,，\s]/g, '');
  if (normal === '') return null;
  return /^\d{1,12}$/.test(normal) ? Number(normal) : undefined;
}

const AMOUNT_LABELS: Record<AmountField, string> = {
  budget: L.budget,
  settlement: L.settlement,
  ...(Object.fromEntries(FUNDING_PARTS.map((part) => [part, `${L.funding}（${FUNDING_LABELS[part]}）`])) as Record<(typeof FUNDING_PARTS)[number], string>),
};

/** Messages by field, in Japanese, shown next to the field they concern. */
function check(form: Form): { errors: Partial<Record<AmountField, string>>; funding: string | null } {
  const errors: Partial<Record<AmountField, string>> = {};
  const values: Partial<Record<AmountField, number | null>> = {};
  for (const field of AMOUNTS) {
    const value = parseAmount(form.amounts[field]);
    if (value === undefined) errors[field] = `${AMOUNT_LABELS[field]}は千円単位の整数で入力してください（例：10,695）。`;
    else values[field] = value;
  }
  const parts = FUNDING_PARTS.map((part) => values[part]).filter((v): v is number => typeof v === 'number');
  const settlement = values.settlement;
  let funding: string | null = null;
  if (typeof settlement === 'number' && parts.length > 0) {
    const sum = parts.reduce((a, b) => a + b, 0);
    if (sum !== settlement) funding = `財源内訳の合計（${amount(sum)}）が決算（${amount(settlement)}）と一致しません。`;
  }
  return { errors, funding };
}

function Field({ id, label, error, hint, children }: { id: string; label: string; error?: string | null; hint?: string; children: ReactNode }) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {hint && (
        <p className="hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      {children}
      {error && (
        <p className="error" id={`${id}-error`}>
          {error}
        </p>
      )}
    </div>
  );
}

/** aria attributes tying an input to its hint and its error. */
const describedBy = (id: string, hint: boolean, error: string | null | undefined) => ({
  'aria-describedby': [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(' ') || undefined,
  'aria-invalid': error ? true : undefined,
});

/** What PATCH /api/v1/sheets/:id takes from the editor (SheetContentDto, libs/review). */
interface ContentPatch {
  category?: (typeof CATEGORIES)[number];
  implementingBody: { city: boolean; other: string | null };
  summary: string;
  implementation: string;
  effect: string;
  finance: { budget: number | null; settlement: number | null; funding: Funding };
}

type SaveState =
  | { kind: 'idle' }
  | { kind: 'saving' }
  | { kind: 'saved'; version: number; position: number }
  | { kind: 'conflict'; current: number | null }
  | { kind: 'failed'; message: string };

function Editor({ sheet }: { sheet: Sheet }) {
  const [form, setForm] = useState<Form>(() => formOf(sheet));
  const [version, setVersion] = useState(sheet.version);
  const [save, setSave] = useState<SaveState>({ kind: 'idle' });
  const { errors, funding } = check(form);
  const set = (patch: Partial<Form>) => setForm((f) => ({ ...f, ...patch }));
  const setAmount = (field: AmountField, text: string) => setForm((f) => ({ ...f, amounts: { ...f.amounts, [field]: text } }));
  const tidyAmount = (field: AmountField) => {
    const value = parseAmount(form.amounts[field]);
    if (typeof value === 'number') setAmount(field, value.toLocaleString('ja-JP'));
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (Object.keys(errors).length > 0) {
      setSave({ kind: 'failed', message: '入力内容に誤りがあります。各項目のメッセージを確認してください。' });
      return;
    }
    const value = (field: AmountField) => parseAmount(form.amounts[field]) ?? null;
    setSave({ kind: 'saving' });
    // Only what the editor shows; KPIs are left as they are until the editor edits them.
    const patch: ContentPatch = {
      ...(form.category ? { category: form.category } : {}),
      implementingBody: { city: form.city, other: form.other.trim() === '' ? null : form.other.trim() },
      summary: form.summary,
      implementation: form.implementation,
      effect: form.effect,
      finance: {
        budget: value('budget'),
        settlement: value('settlement'),
        funding: {
          nationalPrefectural: value('nationalPrefectural'),
          municipalBonds: value('municipalBonds'),
          other: value('other'),
          generalFund: value('generalFund'),
        },
      },
    };
    const result = await api.PATCH('/api/v1/sheets/{id}', {
      // If-Match is a documented parameter of the route: the typed client sends it as a header.
      params: { path: { id: sheet.id }, header: { 'If-Match': `"${version}"` } },
      body: patch,
    });
    try {
      const saved = body<{ version: number; position: number }>(result);
      noteWrite(saved.position);
      setVersion(saved.version);
      setSave({ kind: 'saved', version: saved.version, position: saved.position });
    } catch (error) {
      if (error instanceof ApiError && error.code === 'sheet.version_conflict') {
        const current = (result.error as { currentVersion?: number } | undefined)?.currentVersion ?? null;
        setSave({ kind: 'conflict', current });
      } else setSave({ kind: 'failed', message: (error as Error).message });
    }
  };

  const amountInput = (field: AmountField) => (
    <Field id={`amount-${field}`} label={`${AMOUNT_LABELS[field]}（千円）`} error={errors[field]}>
      <input
        id={`amount-${field}`}
        type="text"
        inputMode="numeric"
        autoComplete="off"
        className="amount"
        value={form.amounts[field]}
        onChange={(e) => setAmount(field, e.target.value)}
        onBlur={() => tidyAmount(field)}
        {...describedBy(`amount-${field}`, false, errors[field])}
      />
    </Field>
  );

  return (
    <form onSubmit={submit} noValidate className="editor">
      <fieldset className="field">
        <legend>{L.category}</legend>
        {CATEGORIES.map((category) => (
          <label key={category} className="choice">
            <input type="radio" name="category" value={category} checked={form.category === category} onChange={() => set({ category })} />
            {OPTION_LABELS[category]}
          </label>
        ))}
      </fieldset>
      <fieldset className="field">
        <legend>{L.implementingBody}</legend>
        <label className="choice">
          <input type="checkbox" checked={form.city} onChange={(e) => set({ city: e.target.checked })} />
          室蘭市
        </label>
        <label htmlFor="other-body">その他（団体名）</label>
        <input id="other-body" type="text" value={form.other} onChange={(e) => set({ other: e.target.value })} />
      </fieldset>
      <Field id="summary" label={L.summary}>
        <textarea id="summary" rows={4} value={form.summary} onChange={(e) => set({ summary: e.target.value })} />
      </Field>
      <fieldset className="field amounts" aria-describedby={funding ? 'funding-check' : undefined}>
        <legend>
          {L.budget}・{L.settlement}・{L.funding}（千円）
        </legend>
        <div className="amount-grid">
          {AMOUNTS.map((field) => (
            <div key={field}>{amountInput(field)}</div>
          ))}
        </div>
        {funding && (
          <p className="error" id="funding-check" role="status">
            {funding}
          </p>
        )}
      </fieldset>
      <Field id="implementation" label={L.implementation} hint="箇条書きは行頭に「・」を付けてください。">
        <textarea
          id="implementation"
          rows={5}
          value={form.implementation}
          onChange={(e) => set({ implementation: e.target.value })}
          {...describedBy('implementation', true, null)}
        />
      </Field>
      <Field id="effect" label={L.effect}>
        <textarea id="effect" rows={4} value={form.effect} onChange={(e) => set({ effect: e.target.value })} />
      </Field>
      <div className="actions">
        <button type="submit" className="button primary" disabled={save.kind === 'saving'}>
          保存する
        </button>
        {/* After a save, the view waits until it includes it (read your own writes). */}
        <Link href={`/sheets/${encodeURIComponent(sheet.id)}${save.kind === 'saved' ? `?minPosition=${save.position}` : ''}`}>シートの表示に戻る</Link>
      </div>
      <div aria-live="polite">
        {save.kind === 'saving' && <p>保存しています…</p>}
        {save.kind === 'saved' && <p className="notice">保存しました（版 {save.version}）。</p>}
      </div>
      {save.kind === 'conflict' && (
        <div className="notice alert" role="alert">
          <p>
            <strong>他の人が先にこのシートを保存しました</strong>
            {save.current !== null && `（現在の版 ${save.current}）`}。あなたの入力はこの画面に残っています。
          </p>
          <p>最新の内容を別のタブで確認し、必要な変更をもう一度行ってください。</p>
          <p>
            <a href={`/sheets/${encodeURIComponent(sheet.id)}`} target="_blank" rel="noopener">
              最新の内容を新しいタブで開く
            </a>
          </p>
        </div>
      )}
      {save.kind === 'failed' && (
        <p className="notice alert" role="alert">
          保存できませんでした：{save.message}
        </p>
      )}
    </form>
  );
}

export function SheetEditorPage({ id }: { id: string }) {
  const sheet = useLoad(async () => body<Sheet>(await api.GET('/api/v1/sheets/{id}', { params: { path: { id } } })), [id]);
  const title = sheet.state === 'ready' ? `${sheet.data.projectName} の編集` : 'シートの編集';
  useScreenTitle(title, sheet.state !== 'loading');
  return (
    <>
      <p className="breadcrumb">
        <Link href="/">← ホームへ戻る</Link>
      </p>
      <h1 id="screen-title" tabIndex={-1}>
        {title}
      </h1>
      <Await loaded={sheet}>
        {(data) =>
          data.status === 'draft' || data.status === 'returned' ? (
            <Editor sheet={data} />
          ) : (
            <p>
              このシートは編集できません（提出後は企画課の差戻しがあるまで変更できません）。
              <button type="button" className="button secondary" onClick={() => navigate(`/sheets/${encodeURIComponent(data.id)}`)}>
                表示に戻る
              </button>
            </p>
          )
        }
      </Await>
    </>
  );
}
