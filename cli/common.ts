/** What the two CLI commands (analyze in main.ts, check in check.ts) share. */
import { ReadError, readInput } from './readers';

export const PROG = 'remisskollen';
export const EXIT_OK = 0;
/** Problems found: errors in the document or draft. */
export const EXIT_PROBLEMS = 1;
/** An input could not be read or analysed, or the arguments were wrong. */
export const EXIT_UNREADABLE = 2;

/** Where the CLI writes; tests can pass their own. */
export interface Io {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
}

/** A real calendar date written YYYY-MM-DD. */
export function isValidIsoDate(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

/**
 * The text of one input (a path or "-"), its reader's warnings written to stderr; undefined, with
 * the reason written to stderr, when it cannot be read.
 */
export async function readInputText(file: string, io: Io): Promise<string | undefined> {
  try {
    const read = await readInput(file);
    for (const w of read.warnings) io.stderr(`${PROG}: ${file}: ${w}\n`);
    return read.text;
  } catch (e) {
    io.stderr(`${PROG}: ${file}: ${e instanceof ReadError ? e.message : 'filen kunde inte läsas'}\n`);
    return undefined;
  }
}
