import { HOSTILE_FORMULA, HOSTILE_NAME, hostileSheet, importedSheet, sheet, snapshot } from '../testing/fixtures.js';
import { renderReportHtml } from './report-page.js';

/** The HTML of one sheet's page. */
function pageOf(document: string, sheetId: string): string {
  const start = document.indexOf(`<article class="sheet" id="sheet-${sheetId}"`);
  expect(start).toBeGreaterThan(-1);
  return document.slice(start, document.indexOf('</article>', start));
}

const text = (fragment: string) => fragment.replace(/<[^>]*>/g, '');

describe('the published report (HTML)', () => {
  const document = renderReportHtml(snapshot());

  it('is a Japanese document with the edition, the publication time and one page per sheet', () => {
    expect(document.startsWith('<!DOCTYPE html>\n<html lang="ja">')).toBe(true);
    expect(text(document)).toContain('第1版');
    expect(text(document)).toContain('2017年10月2日 10時00分');
    expect(document.match(/<article class="sheet"/g)).toHaveLength(2);
    expect(document).toContain('break-before: page');
    expect(document).toContain('size: A4 portrait');
  });

  it('groups the contents by policy area and marks a sheet listed twice as 再掲', () => {
    const contents = document.slice(document.indexOf('目次'), document.indexOf('訂正一覧'));
    const area1 = contents.indexOf('基本目標1　まちの特性を活かした産業振興と魅力ある雇用の創出');
    const plus1 = contents.indexOf('プラス1　広域連携等による魅力ある地域づくり');
    expect(area1).toBeGreaterThan(-1);
    expect(plus1).toBeGreaterThan(area1);
    expect(text(contents.slice(plus1))).toContain('移住推進事業（再掲）');
  });

  it('marks stated choices ■ and the others □', () => {
    const page = text(pageOf(document, '2016.1-12.sangyoshinko'));
    expect(page).toContain('■総合戦略のKPI達成に有効であった');
    expect(page).toContain('□総合戦略のKPI達成に有効とは言えなかった');
    expect(page).toContain('■特に見直しをせず、事業を継続する');
    expect(page).toContain('□事業が効果的なため、更に発展させる');
    expect(page).toContain('■見直す必要はない');
    expect(page).toContain('■継続');
    expect(page).toContain('□新規');
    expect(page).toContain('■室蘭市');
    expect(page).not.toContain('記載理由から判断');
  });

  it('marks an inferred choice with its note and leaves a lost one unmarked with 原資料に記載なし', () => {
    const page = pageOf(document, '2016.1-01.kikaku');
    const plain = text(page);
    expect(plain).toContain('■事業内容の見直し(改善)を行う（選択）記載理由から判断');
    expect(plain).toContain('□総合戦略のKPI達成に有効であった□総合戦略のKPI達成に有効とは言えなかった※原資料に記載なし');
    expect(plain).toContain('□新規□継続□見直し※原資料に記載なし');
    expect(plain).toContain('□室蘭市■その他（室蘭工業大学）（選択）※室蘭市：原資料に記載なし');
    expect(plain).toContain('予算記載なし');
  });

  it('prints amounts with thousands separators and 千円, fiscal years in 西暦 with 和暦', () => {
    const page = text(pageOf(document, '2016.1-12.sangyoshinko'));
    expect(page).toContain('10,695千円');
    expect(page).toContain('5,444千円');
    expect(page).toContain('50件［2015～2019年度（平成27～31年度）］');
    expect(page).toContain('2016年度（平成28年度）目標値');
    expect(page).toContain('2019年度（平成31年度/令和元年度）目標値');
    expect(page).toContain('新規創業件数( /2)');
    expect(page).toContain('数値目標市の施策により創出する新規雇用者数400人［2015～2019年度（平成27～31年度）］約110人［2015～2016年度（平成27～28年度）］'); // both fixture projects feed it
  });

  it('shows the committee opinion with its rating and the city response', () => {
    const page = text(pageOf(document, '2016.1-12.sangyoshinko'));
    expect(page).toContain('推進会議の意見成果が見られる。評価：A');
    expect(page).toContain('市の対応引き続き取り組む。');
    expect(text(pageOf(document, '2016.1-01.kikaku'))).toContain('意見なし');
  });

  it('lists corrections with their reasons, on the contents and on the sheet', () => {
    const corrected = sheet({ corrections: [{ reason: '決算額の誤記を訂正', at: '2017-11-01T01:00:00.000Z', fields: ['finance.settlement'] }] });
    const doc = renderReportHtml(
      snapshot({
        edition: 2,
        sheets: [corrected],
        corrections: [
          {
            sheetId: corrected.id,
            projectCode: '1-12',
            projectName: corrected.projectName,
            department: '産業振興課',
            reason: '決算額の誤記を訂正',
            at: '2017-11-01T01:00:00.000Z',
            fields: ['finance.settlement'],
            edition: 2,
          },
        ],
      }),
    );
    const list = text(doc.slice(doc.indexOf('訂正一覧'), doc.indexOf('<main>')));
    expect(list).toContain('第2版2017年11月1日1-12市内創業支援等事業（産業振興課）決算決算額の誤記を訂正');
    expect(text(pageOf(doc, corrected.id))).toContain('訂正箇所：決算理由：決算額の誤記を訂正');
  });

  it('shows hostile text as text, never as markup', () => {
    const doc = renderReportHtml(snapshot({ sheets: [hostileSheet()] }));
    expect(doc).not.toContain('<script');
    expect(doc).not.toContain('<img');
    expect(doc).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(doc).toContain('&quot;&gt;&lt;img src=x onerror=alert(2)&gt;');
    expect(doc).toContain('&lt;b&gt;A&lt;/b&gt;');
    expect(doc).toContain(HOSTILE_FORMULA.replace(/"/g, '&quot;'));
    expect(HOSTILE_NAME).toBe('<script>alert(1)</script>');
  });

  it('is the same bytes for the same snapshot', () => {
    expect(renderReportHtml(snapshot())).toBe(document);
    expect(importedSheet().projectCode).toBe('1-01');
  });
});
