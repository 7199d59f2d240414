import { richTextToPlain, toRichText } from './rich-text.js';

describe('toRichText', () => {
  it('splits plain text into paragraphs on blank lines', () => {
    expect(toRichText('first line\nsame paragraph\n\nsecond')).toEqual([
      { kind: 'paragraph', text: 'first line\nsame paragraph' },
      { kind: 'paragraph', text: 'second' },
    ]);
  });

  it("turns consecutive lines starting with '・' or '- ' into one list", () => {
    expect(toRichText('実施内容:\n・教員向け工場視察会\n・夏休み工場見学\n- ロゴマーク作成\n以上')).toEqual([
      { kind: 'paragraph', text: '実施内容:' },
      { kind: 'list', items: ['教員向け工場視察会', '夏休み工場見学', 'ロゴマーク作成'] },
      { kind: 'paragraph', text: '以上' },
    ]);
  });

  it('keeps HTML as literal text, never as markup', () => {
    expect(toRichText('<p>首都圏</p> <b>PR</b>')).toEqual([{ kind: 'paragraph', text: '<p>首都圏</p> <b>PR</b>' }]);
  });

  it('yields no blocks for blank input and drops blank blocks of structured input', () => {
    expect(toRichText('  \n\r\n ')).toEqual([]);
    expect(
      toRichText([
        { kind: 'paragraph', text: ' ' },
        { kind: 'list', items: ['a', ''] },
      ]),
    ).toEqual([{ kind: 'list', items: ['a'] }]);
  });

  it('refuses a malformed block', () => {
    expect(() => toRichText([{ kind: 'html', text: '<p>' } as never])).toThrow(
      expect.objectContaining({ code: 'value.invalid_rich_text', kind: 'validation' }),
    );
  });

  it('renders back to plain text with bullets', () => {
    expect(richTextToPlain(toRichText('a\n\n・b\n・c'))).toBe('a\n\n・b\n・c');
  });
});
