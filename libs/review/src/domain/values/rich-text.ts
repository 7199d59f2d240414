import { invalid } from '../errors.js';
import { isRecord } from '../validation.js';

/**
 * 実施内容 / 事業効果 keep their paragraphs and bullet lists, nothing more. Text is text: a '<p>' typed by a
 * user stays the three characters '<p>'; escaping is the renderer's job, so no HTML is produced or interpreted.
 */
export type RichTextBlock = { kind: 'paragraph'; text: string } | { kind: 'list'; items: string[] };
export type RichText = RichTextBlock[];

// Bullet markers used in the source (・) and in plain-text input ('- ').
const BULLET = /^(?:・|- )\s*/;

function blocksOfChunk(chunk: string[]): RichText {
  const blocks: RichText = [];
  for (const line of chunk) {
    const last = blocks[blocks.length - 1];
    if (BULLET.test(line)) {
      const item = line.replace(BULLET, '');
      if (last?.kind === 'list') last.items.push(item);
      else blocks.push({ kind: 'list', items: [item] });
    } else if (last?.kind === 'paragraph') {
      last.text = `${last.text}\n${line}`;
    } else {
      blocks.push({ kind: 'paragraph', text: line });
    }
  }
  return blocks;
}

function fromPlainText(input: string): RichText {
  const lines = input
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => line.trimEnd());
  const chunks: string[][] = [[]];
  for (const line of lines) {
    if (line.trim() === '') chunks.push([]);
    else chunks[chunks.length - 1]!.push(line);
  }
  return chunks.filter((chunk) => chunk.length > 0).flatMap(blocksOfChunk);
}

function copyBlock(block: unknown, index: number): RichTextBlock | null {
  const fail = (): never => {
    throw invalid('value.invalid_rich_text', `Rich text block ${index} is malformed`, { index, block });
  };
  if (!isRecord(block)) return fail();
  if (block.kind === 'paragraph' && typeof block.text === 'string') {
    return block.text.trim() === '' ? null : { kind: 'paragraph', text: block.text };
  }
  if (block.kind === 'list' && Array.isArray(block.items) && block.items.every((i) => typeof i === 'string')) {
    const items = (block.items as string[]).filter((i) => i.trim() !== '');
    return items.length === 0 ? null : { kind: 'list', items };
  }
  return fail();
}

/** Accepts plain text or already-structured rich text; blank paragraphs and empty lists are dropped. */
export function toRichText(input: string | RichText): RichText {
  if (typeof input === 'string') return fromPlainText(input);
  if (!Array.isArray(input)) {
    throw invalid('value.invalid_rich_text', 'Rich text must be a string or an array of blocks', { value: input });
  }
  return input.map(copyBlock).filter((b): b is RichTextBlock => b !== null);
}

export const isBlankRichText = (value: RichText | null | undefined): boolean => !value || value.length === 0;

/** Plain text rendering, for search and CSV export; list items get back their '・'. */
export const richTextToPlain = (value: RichText | null): string =>
  (value ?? []).map((b) => (b.kind === 'paragraph' ? b.text : b.items.map((i) => `・${i}`).join('\n'))).join('\n\n');
