/**
 * `remisskollen analyze FILE... [--json] [--date YYYY-MM-DD] [--profile NAME]`
 *
 * Exit status: 0 = read and analysed, no error-level problem; 1 = an
 * error-level problem was found; 2 = bad usage, or an input could not be read
 * (one line on stderr per input; the other inputs are still analysed).
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { AnalysisResultSchema, analyze, offsetErrors } from '../lib/analysis';
import type { AnalysisResult } from '../lib/analysis';
import { runCheck } from './check';
import { EXIT_OK, EXIT_PROBLEMS, EXIT_UNREADABLE, PROG, isValidIsoDate, readInputText, type Io } from './common';
import { formatReport } from '../lib/report';
import { installTitleIndexSync } from '../lib/laws/node-loader';

export { EXIT_OK, EXIT_PROBLEMS, EXIT_UNREADABLE, isValidIsoDate, type Io };

export const USAGE = `Användning:
  ${PROG} analyze FIL... [--json] [--date ÅÅÅÅ-MM-DD] [--profile NAMN]
  ${PROG} check FIL... [--profile NAMN] [--json] [--ignore REGEL,...]   (se "${PROG} check --help")
  ${PROG} --help | --version

Analyserar nämndhandlingar: dokumenttyp, uppgifter, avsnitt och lagrumshänvisningar.

FIL        .txt, .md, .html, .pdf eller .docx; "-" läser från standard in.
--json     en rad JSON (AnalysisResult) per fil, i filernas ordning (JSON Lines).
--date     datum som avgör vilken lag ett namn syftar på när dokumentet saknar eget datum.
--profile  vilken profil (krav på avsnitt) som ska användas; annars väljs den efter dokumenttyp.

Slutstatus: 0 = inga fel, 1 = minst ett fel hittades, 2 = en fil kunde inte läsas eller felaktig användning.
`;

const defaultIo: Io = {
  stdout: (s) => process.stdout.write(s),
  stderr: (s) => process.stderr.write(s),
};

function version(): string {
  try {
    const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version?: string };
    return pkg.version ?? '0.0.0';
  } catch {
    return '0.0.0';
  }
}

class UsageError extends Error {}

const OPTIONS = {
  json: { type: 'boolean' },
  date: { type: 'string' },
  profile: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'v' },
} as const;

function parse(argv: string[]) {
  try {
    return parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true });
  } catch (e) {
    const code = (e as { code?: string }).code;
    const msg = (e as Error).message;
    const opt = /'(-{1,2}[^'\s]+)/.exec(msg)?.[1];
    if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') throw new UsageError(`okänd flagga ${opt ?? ''}`.trim());
    if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
      throw new UsageError(`flaggan ${opt ?? ''} behöver ett värde`.replace('  ', ' '));
    }
    throw new UsageError('felaktiga argument');
  }
}

/** True when the result has an error-level finding (a problem, or a missing section the profile requires). */
export function hasErrors(result: AnalysisResult): boolean {
  return result.problems.some((p) => p.severity === 'error') || result.missingSections.some((m) => m.severity === 'error');
}

/** Runs the CLI; resolves to the exit status. Never calls process.exit. */
export async function main(argv: string[], io: Io = defaultIo): Promise<number> {
  // `check` has its own flags (cli/check.ts)
  if (argv[0] === 'check') return runCheck(argv.slice(1), io);
  const usageError = (message: string): number => {
    io.stderr(`${PROG}: ${message}\nSkriv "${PROG} --help" för hjälp.\n`);
    return EXIT_UNREADABLE;
  };
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse(argv);
  } catch (e) {
    if (e instanceof UsageError) return usageError(e.message);
    throw e;
  }
  const { values, positionals } = parsed;
  if (values.help) {
    io.stdout(USAGE);
    return EXIT_OK;
  }
  if (values.version) {
    io.stdout(`${version()}\n`);
    return EXIT_OK;
  }
  const [command, ...files] = positionals;
  if (command === undefined) return usageError('ange ett kommando, t.ex. "analyze FIL"');
  if (command !== 'analyze') return usageError(`okänt kommando "${command}" (finns: analyze, check)`);
  if (files.length === 0) return usageError('ange minst en fil att analysera (eller "-" för standard in)');
  if (files.filter((f) => f === '-').length > 1) return usageError('"-" (standard in) kan bara anges en gång');
  if (values.date !== undefined && !isValidIsoDate(values.date)) {
    return usageError(`--date ska vara ett datum ÅÅÅÅ-MM-DD, t.ex. 2023-08-24 (fick "${values.date}")`);
  }
  if (values.profile !== undefined && values.profile.trim() === '') return usageError('--profile behöver ett namn');

  // Titles of every SFS number, so a law cited only by its number is named too.
  installTitleIndexSync();
  let unreadable = false;
  let errorsFound = false;
  let first = true;
  for (const file of files) {
    const text = await readInputText(file, io);
    if (text === undefined) {
      unreadable = true;
      continue;
    }
    let result: AnalysisResult;
    try {
      const raw = analyze(text, { date: values.date, profile: values.profile });
      // `file` right after schemaVersion; fields the schema does not know yet are kept (zod would strip them).
      const { schemaVersion, ...rest } = raw;
      const withFile: AnalysisResult = { schemaVersion, file, ...rest };
      const checked = AnalysisResultSchema.safeParse(withFile);
      if (!checked.success) {
        const issue = checked.error.issues[0];
        throw new Error(`resultatet följer inte kontraktet (${issue?.path.join('.') ?? ''}: ${issue?.message ?? ''})`);
      }
      result = withFile;
      const offsets = offsetErrors(result, text);
      if (offsets.length > 0) throw new Error(`resultatets positioner stämmer inte (${offsets[0]})`);
    } catch (e) {
      unreadable = true;
      const msg = (e as Error).message ?? String(e);
      io.stderr(`${PROG}: ${file}: analysen misslyckades: ${msg.split('\n')[0]}\n`);
      continue;
    }
    if (hasErrors(result)) errorsFound = true;
    if (values.json) io.stdout(`${JSON.stringify(result)}\n`);
    else {
      io.stdout(`${first ? '' : '\n'}${formatReport(result, { text })}`);
      first = false;
    }
  }
  if (unreadable) return EXIT_UNREADABLE;
  return errorsFound ? EXIT_PROBLEMS : EXIT_OK;
}
