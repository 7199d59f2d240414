import { csvCell, csvField, csvRow, toCsv } from './csv.js';

describe('CSV: formula neutralising', () => {
  it.each([
    ['=1+1', "'=1+1"],
    ['+81-143', "'+81-143"],
    ['-2+3', "'-2+3"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\t=cmd', "'\t=cmd"],
    ['\r=cmd', "'\r=cmd"],
    [' =1+1', "' =1+1"],
    ['\u00a0=1+1', "'\u00a0=1+1"],
    ['\u3000=1+1', "'\u3000=1+1"],
    ['\n=1+1', "'\n=1+1"],
    ['  \n @x', "'  \n @x"],
    ['＝1+1', "'＝1+1"],
  ])('keeps %j as text a spreadsheet will not evaluate', (input, expected) => {
    expect(csvCell(input)).toBe(csvField(expected));
  });

  it('leaves ordinary text alone, a formula sign inside the text included', () => {
    expect(csvCell('首都圏で相談会 = 20件')).toBe('"首都圏で相談会 = 20件"');
    expect(csvCell('1-12')).toBe('"1-12"');
  });

  it('writes numbers as numbers: a negative amount is not a formula', () => {
    expect(csvCell(-500)).toBe('"-500"');
    expect(csvCell(0)).toBe('"0"');
    expect(csvCell(12.5)).toBe('"12.5"');
    expect(csvCell(Number.NaN)).toBe('""');
    expect(csvCell('-500')).toBe(`"'-500"`);
  });

  it('keeps line breaks in a cell unless one line is asked for (open data)', () => {
    expect(csvCell('一行目\r\n二行目')).toBe('"一行目\r\n二行目"');
    expect(csvCell('一行目\r\n二行目\n三行目', { oneLine: true })).toBe('"一行目 二行目 三行目"');
    expect(csvCell(' \n=x', { oneLine: true })).toBe(`"'=x"`);
  });

  it('quotes every field, doubles quotes, writes null and undefined empty', () => {
    expect(csvField('a,"b"')).toBe('"a,""b"""');
    expect(csvRow([null, undefined, true, 'x'])).toBe('"","","true","x"');
  });

  it('writes a BOM, one header row and CRLF line ends', () => {
    const columns = [
      { header: '事業名', value: (r: { name: string; amount: number | null }) => r.name },
      { header: '予算（千円）', value: (r: { name: string; amount: number | null }) => r.amount },
    ];
    expect(
      toCsv(columns, [
        { name: '移住推進事業', amount: -286 },
        { name: '"新"事業', amount: null },
      ]),
    ).toBe('\uFEFF"事業名","予算（千円）"\r\n"移住推進事業","-286"\r\n"""新""事業",""\r\n');
  });
});
