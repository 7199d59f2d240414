import { toCsv } from './csv.js';

describe('toCsv', () => {
  const columns = [
    { header: '事業名', value: (r: { name: string; amount: number | null }) => r.name },
    { header: '予算（千円）', value: (r: { name: string; amount: number | null }) => r.amount },
  ];

  it('writes a BOM, one header row and CRLF lines, every cell quoted; empty for null', () => {
    expect(
      toCsv(columns, [
        { name: '移住推進事業', amount: 286 },
        { name: '"新"事業', amount: null },
      ]),
    ).toBe('\uFEFF"事業名","予算（千円）"\r\n"移住推進事業","286"\r\n"""新""事業",""\r\n');
  });

  it.each(['=HYPERLINK("x")', '+1', '-1', '@SUM(A1)', '\tx', '\rx'])('neutralises a cell a spreadsheet would evaluate: %j', (text) => {
    const line = toCsv(columns, [{ name: text, amount: 1 }]).split('\r\n')[1]!;
    expect(line.startsWith(`"'`)).toBe(true);
  });
});
