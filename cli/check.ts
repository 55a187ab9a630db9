/**
 * `remisskollen check FILE... [--profile NAME] [--json] [--date ÅÅÅÅ-MM-DD] [--today ÅÅÅÅ-MM-DD] [--ignore REGEL,...]`
 *
 * The draft check (issue 8) on the command line: the same findings as the side
 * panel. `--json` prints one line per file, `{checkVersion, file, summary, counts,
 * kind, profile, date, lix, problems}` (CheckJsonLineSchema). Exit status: 0 =
 * no error-level finding left, 1 = at least one (so a script can stop a draft
 * from being sent), 2 = bad usage or an input could not be read.
 */
import { parseArgs } from 'node:util';
import {
  CHECK_SCHEMA_VERSION,
  CheckJsonLineSchema,
  GROUP_LABELS,
  RULES,
  applyIgnores,
  blankMarkdownHeadings,
  checkDraft,
  isMarkdownName,
  hasErrorFindings,
  type CheckJsonLine,
  type DraftReport,
  type Finding,
} from '../lib/checks';
import { listProfiles } from '../lib/profiles';
import { EXIT_OK, EXIT_PROBLEMS, EXIT_UNREADABLE, PROG, isValidIsoDate, readInputText, type Io } from './common';

export const CHECK_USAGE = `Användning:
  ${PROG} check FIL... [--profile NAMN] [--json] [--date ÅÅÅÅ-MM-DD] [--today ÅÅÅÅ-MM-DD] [--ignore REGEL,...]

Kontrollerar ett utkast innan det skickas till nämnden: avsnitt som saknas eller står i fel
ordning, upphävda lagar och andra hänvisningsproblem, personuppgifter (personnummer,
privata telefonnummer och e-postadresser), uppgifter (diarienummer, datum, handläggare)
och läsbarhet (LIX och mycket långa meningar).

FIL        .txt, .md, .html, .pdf eller .docx; "-" läser från standard in.
--profile  profil (krav på avsnitt), t.ex. stockholm-remissvar; annars väljs den efter dokumenttyp.
--json     en rad JSON per fil: {file, summary, counts, lix, problems: [...]}.
--date     datum som avgör vilken lag ett namn syftar på när utkastet saknar eget datum.
--today    dagens datum för regeln "datum i framtiden" (annars datorns datum).
--ignore   regler som inte ska kontrolleras, kommaseparerade (se listan nedan).

Slutstatus: 0 = inga fel, 1 = minst ett fel kvar, 2 = en fil kunde inte läsas eller felaktig användning.

Regler:
${RULES.map((r) => `  ${r.id.padEnd(32)} ${r.name} (${r.severity === 'error' ? 'fel' : r.severity === 'warning' ? 'varning' : 'upplysning'})`).join('\n')}
`;

const SEVERITY_HEADING: Record<Finding['severity'], string> = { error: 'Fel', warning: 'Varningar', info: 'Upplysningar' };

function lineOf(text: string, offset: number): number {
  let n = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) n++;
  return n;
}

/** The readable Swedish report for one file. */
export function formatCheck(file: string, report: DraftReport, text: string): string {
  const out: string[] = [];
  const kind = report.analysis.document.kind;
  out.push(`${file} — ${kind === 'unknown' ? 'okänd dokumenttyp' : kind}${report.profile ? `, profil ${report.profile}` : ''}`);
  out.push(report.summary);
  for (const sev of ['error', 'warning', 'info'] as const) {
    const list = report.findings.filter((f) => f.severity === sev);
    if (!list.length) continue;
    out.push('', `${SEVERITY_HEADING[sev]} (${list.length})`);
    for (const group of Object.keys(GROUP_LABELS) as (keyof typeof GROUP_LABELS)[]) {
      const g = list.filter((f) => f.group === group);
      if (!g.length) continue;
      out.push(`  ${GROUP_LABELS[group].sv}`);
      for (const f of g) {
        const where = f.start !== undefined ? `rad ${lineOf(text, f.start)}: ` : '';
        out.push(`    ${where}${f.message} [${f.rule}]`);
        if (f.suggestion) out.push(`      Förslag: ${f.suggestion}`);
      }
    }
  }
  const lix = report.readability;
  const secs = lix.sections.filter((s) => s.value !== null).map((s) => `${s.heading.replace(/\s+/g, ' ')} ${s.value} (${s.label})`);
  out.push('', `LIX ${lix.value ?? '–'}${lix.label ? ` (${lix.label})` : ''}, längsta meningen ${lix.longestSentence} ord.`);
  if (secs.length) out.push(`LIX per avsnitt: ${secs.join('; ')}.`);
  out.push(`Skala: ${lix.scale}.`);
  return `${out.join('\n')}\n`;
}

export function toJsonLine(file: string, report: DraftReport): CheckJsonLine {
  return {
    checkVersion: CHECK_SCHEMA_VERSION,
    file,
    summary: report.summary,
    counts: report.counts,
    kind: report.analysis.document.kind,
    profile: report.profile,
    date: report.analysis.document.date,
    lix: report.readability,
    problems: report.findings,
  };
}

/** Runs `check` with the arguments after the word "check"; resolves to the exit status. */
export async function runCheck(argv: string[], io: Io): Promise<number> {
  const usage = (msg: string) => {
    io.stderr(`${PROG} check: ${msg}\nSkriv "${PROG} check --help" för hjälp.\n`);
    return EXIT_UNREADABLE;
  };
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        json: { type: 'boolean' },
        profile: { type: 'string' },
        date: { type: 'string' },
        today: { type: 'string' },
        ignore: { type: 'string', multiple: true },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (e) {
    const opt = /'(-{1,2}[^'\s]+)/.exec((e as Error).message)?.[1];
    const code = (e as { code?: string }).code;
    if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') return usage(`okänd flagga ${opt ?? ''}`.trim());
    if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') return usage(`flaggan ${opt ?? ''} behöver ett värde`);
    return usage('felaktiga argument');
  }
  const { values, positionals: files } = parsed;
  if (values.help) {
    io.stdout(CHECK_USAGE);
    return EXIT_OK;
  }
  if (files.length === 0) return usage('ange minst en fil att kontrollera (eller "-" för standard in)');
  if (files.filter((f) => f === '-').length > 1) return usage('"-" (standard in) kan bara anges en gång');
  for (const [flag, v] of [['--date', values.date], ['--today', values.today]] as const) {
    if (v !== undefined && !isValidIsoDate(v)) return usage(`${flag} ska vara ett datum ÅÅÅÅ-MM-DD (fick "${v}")`);
  }
  if (values.profile !== undefined) {
    const names = listProfiles().map((p) => p.name);
    if (!names.includes(values.profile.trim())) return usage(`okänd profil "${values.profile}" (finns: ${names.join(', ')})`);
  }
  const ignored = (values.ignore ?? []).flatMap((s) => s.split(',')).map((s) => s.trim()).filter(Boolean);
  const unknownRule = ignored.find((r) => !RULES.some((x) => x.id === r));
  if (unknownRule) return usage(`okänd regel "${unknownRule}" för --ignore (se "${PROG} check --help")`);

  let unreadable = false;
  let errors = false;
  let first = true;
  for (const file of files) {
    const read = await readInputText(file, io);
    if (read === undefined) {
      unreadable = true;
      continue;
    }
    // "## Bakgrund" → "   Bakgrund": the same offsets, a heading the engine knows
    const text = isMarkdownName(file) ? blankMarkdownHeadings(read) : read;
    let report: DraftReport;
    try {
      report = applyIgnores(checkDraft(text, { profile: values.profile?.trim(), date: values.date, today: values.today }), { rules: ignored });
    } catch (e) {
      unreadable = true;
      io.stderr(`${PROG}: ${file}: kontrollen misslyckades: ${String((e as Error).message ?? e).split('\n')[0]}\n`);
      continue;
    }
    if (hasErrorFindings(report.findings)) errors = true;
    if (values.json) {
      const line = toJsonLine(file, report);
      const ok = CheckJsonLineSchema.safeParse(line);
      if (!ok.success) {
        unreadable = true;
        io.stderr(`${PROG}: ${file}: resultatet följer inte schemat (${ok.error.issues[0]?.path.join('.')}: ${ok.error.issues[0]?.message})\n`);
        continue;
      }
      io.stdout(`${JSON.stringify(line)}\n`);
    } else {
      io.stdout(`${first ? '' : '\n'}${formatCheck(file, report, text)}`);
      first = false;
    }
  }
  if (unreadable) return EXIT_UNREADABLE;
  return errors ? EXIT_PROBLEMS : EXIT_OK;
}
