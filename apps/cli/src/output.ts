/**
 * CLI output discipline: results on stdout (scripts read the last line), everything else —
 * progress, notes, errors — on stderr.
 */
export const out = {
  result(line: string): void {
    process.stdout.write(`${line}\n`);
  },
  info(line: string): void {
    process.stderr.write(`${line}\n`);
  },
  fail(line: string): void {
    process.stderr.write(`error: ${line}\n`);
    process.exitCode = 1;
  },
};
