/**
 * Read your own writes across screens: the highest log position this tab wrote. Reads pass it as
 * minPosition, so a list shown after an action already reflects it (the views catch up asynchronously).
 */
let last: number | undefined;

export function noteWrite(position: number): void {
  last = Math.max(last ?? 0, position);
}

export function lastWrite(): number | undefined {
  return last;
}
