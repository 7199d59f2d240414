import { csvCell, csvField, csvLineText } from './csv.js';

describe('CSV neutralising', () => {
  it.each([
    ['=1+1', "'=1+1"],
    ['+81-143', "'+81-143"],
    ['-2+3', "'-2+3"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\t=cmd', "'=cmd"],
    ['\r=cmd', "'=cmd"],
  ])('turns %p into text a spreadsheet will not evaluate', (input, expected) => {
    expect(csvLineText(input)).toBe(expected);
  });

  it('leaves ordinary text alone and puts it on one line', () => {
    expect(csvLineText('首都圏で相談会 = 20件')).toBe('首都圏で相談会 = 20件');
    expect(csvLineText('一行目\r\n二行目\n三行目')).toBe('一行目 二行目 三行目');
  });

  it('keeps line breaks in a multi-line cell (audit changes), still quoted and formula-safe', () => {
    expect(csvCell('=a\nb')).toBe('"\'=a\nb"');
    expect(csvCell(null)).toBe('""');
    expect(csvCell(12)).toBe('"12"');
  });

  it('quotes every field and doubles quotes', () => {
    expect(csvField('a,"b"')).toBe('"a,""b"""');
    expect(csvField('')).toBe('""');
  });
});
