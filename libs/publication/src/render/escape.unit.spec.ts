import { escapeHtml, html, raw } from './escape.js';

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
