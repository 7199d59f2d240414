import { csvField, csvText, escapeHtml, html, raw } from './escape.js';

describe('HTML escaping', () => {
  it('escapes the five characters that can open markup or an attribute', () => {
    expect(escapeHtml(`<script>alert('1')</script> & "x"`)).toBe('&lt;script&gt;alert(&#39;1&#39;)&lt;/script&gt; &amp; &quot;x&quot;');
  });

  it('escapes every interpolated value of the html tag, nested lists included', () => {
    const name = '<script>alert(1)</script>';
    expect(html`<td title="${'"onmouseover="x'}">${name}</td>`.value).toBe('<td title="&quot;onmouseover=&quot;x">&lt;script&gt;alert(1)&lt;/script&gt;</td>');
    expect(html`<ul>${['<a>', html`<li>${'<b>'}</li>`]}</ul>`.value).toBe('<ul>&lt;a&gt;<li>&lt;b&gt;</li></ul>');
  });

  it('passes only markup the renderer marked as its own, and drops empty values', () => {
    expect(html`${raw('<br>')}${null}${undefined}${false}${0}`.value).toBe('<br>0');
  });
});

describe('CSV neutralising', () => {
  it.each([
    ['=1+1', "'=1+1"],
    ['+81-143', "'+81-143"],
    ['-2+3', "'-2+3"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\t=cmd', "'=cmd"],
    ['\r=cmd', "'=cmd"],
  ])('turns %p into text a spreadsheet will not evaluate', (input, expected) => {
    expect(csvText(input)).toBe(expected);
  });

  it('leaves ordinary text alone and puts it on one line', () => {
    expect(csvText('首都圏で相談会 = 20件')).toBe('首都圏で相談会 = 20件');
    expect(csvText('一行目\r\n二行目\n三行目')).toBe('一行目 二行目 三行目');
  });

  it('quotes every field and doubles quotes', () => {
    expect(csvField('a,"b"')).toBe('"a,""b"""');
    expect(csvField('')).toBe('""');
  });
});
