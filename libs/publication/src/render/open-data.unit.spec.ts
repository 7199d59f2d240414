import { HOSTILE_FORMULA, hostileSheet, snapshot } from '../testing/fixtures.js';
import { parseCsv } from '@kensho/testing';
import { kpisTable, sheetsTable } from './open-data.js';
import { toCsv, toJson } from './open-data-formats.js';

describe('open data (CSV and JSON)', () => {
  const snap = snapshot();
  const csv = toCsv(sheetsTable(snap));
  const rows = parseCsv(csv.replace(/^\uFEFF/, ''));
  const header = rows[0]!;
  const col = (name: string) => header.indexOf(name);

  it('is UTF-8 with a BOM and CRLF, one header row, one row per sheet, every field quoted', () => {
    expect(csv.startsWith('\uFEFF"版","年度（西暦）","年度（和暦）"')).toBe(true);
    expect(rows).toHaveLength(1 + snap.sheets.length);
    expect(new Set(header).size).toBe(header.length);
    expect(rows.every((r) => r.length === header.length)).toBe(true);
    expect(
      csv
        .replace(/^\uFEFF/, '')
        .split('\r\n')
        .filter(Boolean)
        .every((line) => line.startsWith('"') && line.endsWith('"')),
    ).toBe(true);
  });

  it('puts units in the headers, plain numbers in the cells, and the era year in its own column', () => {
    const row = rows[2]!; // 1-12
    expect(row[col('予算（千円）')]).toBe('10695');
    expect(row[col('決算（千円）')]).toBe('5444');
    expect(row[col('財源内訳 国・道（千円）')]).toBe('');
    expect(row[col('年度（西暦）')]).toBe('2016');
    expect(row[col('年度（和暦）')]).toBe('平成28年度');
    expect(row[col('事業の評価')]).toBe('総合戦略のKPI達成に有効であった');
    expect(row[col('事業の評価の根拠')]).toBe('記載どおり');
  });

  it('keeps a lost choice empty and says so, and one value per cell for several policy areas', () => {
    const row = rows[1]!; // 1-01, areas 1 and プラス1
    expect(row[col('事業の評価')]).toBe('');
    expect(row[col('事業の評価の根拠')]).toBe('原資料に記載なし');
    expect(row[col('今後の方針の根拠')]).toBe('記載理由から判断');
    expect(row[col('施策区分 基本目標1（該当=1、非該当=0）')]).toBe('1');
    expect(row[col('施策区分 プラス1（該当=1、非該当=0）')]).toBe('1');
    expect(row[col('施策区分 基本目標2（該当=1、非該当=0）')]).toBe('0');
    expect(row[col('予算（千円）')]).toBe('');
  });

  it('writes no line break inside a cell', () => {
    expect(
      csv
        .replace(/^\uFEFF/, '')
        .split('\r\n')
        .filter(Boolean),
    ).toHaveLength(rows.length);
    expect(csv).not.toMatch(/[^\r]\n/);
  });

  it('neutralises text that a spreadsheet would run as a formula', () => {
    const hostile = parseCsv(toCsv(sheetsTable(snapshot({ sheets: [hostileSheet()] }))).replace(/^\uFEFF/, ''));
    const h = hostile[0]!;
    const row = hostile[1]!;
    expect(row[h.indexOf('事業概要')]).toBe(`'${HOSTILE_FORMULA}`);
    expect(row[h.indexOf('事業の評価に対する意見・理由')]).toBe("'+1+2");
    expect(row[h.indexOf('今後の方針に対する理由')]).toBe("'@SUM(A1:A2)");
    expect(row[h.indexOf('総合戦略の見直しの必要性に対する理由')]).toBe("'-2+3");
    expect(row[h.indexOf('事業名')]).toBe('<script>alert(1)</script>');
  });

  it('has the same content as JSON, with numbers as numbers and text unneutralised', () => {
    const json = JSON.parse(toJson(sheetsTable(snap), snap));
    expect(json).toMatchObject({ fiscalYear: 2016, fiscalYearJapanese: '平成28年度', edition: 1 });
    expect(json.columns.map((c: { header: string }) => c.header)).toEqual(header);
    expect(json.records).toHaveLength(snap.sheets.length);
    expect(json.records[1]).toMatchObject({ budget: 10695, settlement: 5444, fundingNationalPrefectural: null, projectCode: '1-12' });
    json.records.forEach((record: Record<string, unknown>, i: number) => {
      const csvRow = rows[i + 1]!;
      json.columns.forEach((c: { key: string }, j: number) => {
        const value = record[c.key];
        expect(csvRow[j]).toBe(value === null ? '' : String(value).replace(/\n+/g, ' ').trim());
      });
    });
  });

  it('lists KPIs one value per row: target and actual with their periods, units apart', () => {
    const table = kpisTable(snap);
    const kpi = parseCsv(toCsv(table).replace(/^\uFEFF/, ''));
    const h = kpi[0]!;
    const rowsOf = (code: string) => kpi.slice(1).filter((r) => r[h.indexOf('事業番号')] === code);
    const mine = rowsOf('1-12');
    expect(mine).toHaveLength(2 + 3);
    const actual = mine[1]!;
    expect(actual[h.indexOf('値の種類（目標／実績）')]).toBe('実績');
    expect(actual[h.indexOf('記載された値')]).toBe('約22件');
    expect(actual[h.indexOf('数値')]).toBe('22');
    expect(actual[h.indexOf('数値の単位')]).toBe('件');
    expect(actual[h.indexOf('概数（該当=1、非該当=0）')]).toBe('1');
    expect(actual[h.indexOf('対象期間 開始年度（西暦）')]).toBe('2015');
    expect(actual[h.indexOf('対象期間 終了年度（和暦）')]).toBe('平成28年度');
    expect(actual[h.indexOf('この指標を持つ事業数（事業）')]).toBe('2');
    const notMeasured = mine[4]!;
    expect(notMeasured[h.indexOf('値の状態')]).toBe('未測定');
    expect(notMeasured[h.indexOf('数値')]).toBe('');
  });
});
