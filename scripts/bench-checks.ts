/**
 * Benchmark for the draft check (issue 8): checking a 50-page draft next to
 * the analysis alone, in the same run, on the same text.
 *
 * The draft is built from the two seeds: the Hägersten-Älvsjö document head and
 * template headings, each section filled with paragraphs of both seeds (clean and
 * OCR-damaged text) until the draft has 50 pages of 3,000 characters; a few
 * faults (personnummer, private phone and e-mail, citations) are spread in it.
 *
 * Run alone: npx tsx scripts/bench-checks.ts
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { analyze } from '../lib/analysis';
import { checkDraft } from '../lib/checks';

const root = resolve(fileURLToPath(import.meta.url), '..', '..');
const seed = (name: string) => readFileSync(resolve(root, 'tests/fixtures/seeds', name), 'utf8');

export const PAGE_CHARS = 3000;

/** A draft of about `pages` pages (PAGE_CHARS characters each). */
export function makeDraft(pages = 50): string {
  const hag = seed('stockholm-hagersten-alvsjo-yttrande-vallingbyteamet.txt');
  const soc = seed('stockholm-socialnamnden-remissvar-faltassistenter.txt');
  const head = hag.slice(0, hag.indexOf('Förvaltningens förslag till beslut'));
  const paragraphs = [hag, soc]
    .flatMap((t) => t.split(/\n[ \t]*\n/))
    .map((p) => p.trim())
    .filter((p) => p.length > 200);
  const faults = [
    'Sökandens personnummer 19121212-1212 har lämnats i ansökan.',
    'Klaganden kan nås på 070-765 43 21 eller kalle.k@gmail.com.',
    'Enligt 5 kap. 1 § socialtjänstlagen (2001:453) och 4 kap. 1 § SoL ska nämnden verka för barnens bästa.',
  ];
  const headings = ['Förvaltningens förslag till beslut', 'Sammanfattning', 'Bakgrund', 'Ärendet', 'Ärendets beredning', 'Förvaltningens synpunkter och förslag', 'Jämställdhetsanalys', 'Barnrättsanalys', 'Ekonomiska konsekvenser'];
  const target = pages * PAGE_CHARS;
  const perSection = Math.ceil((target - head.length) / headings.length);
  let out = head;
  let k = 0;
  for (const h of headings) {
    out += `${h}\n\n`;
    const start = out.length;
    while (out.length - start < perSection) {
      out += `${paragraphs[k % paragraphs.length]}\n\n`;
      if (k % 17 === 5) out += `${faults[k % faults.length]}\n\n`;
      k++;
    }
  }
  return out;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

function time(fn: () => unknown, runs: number): number {
  fn(); // warm up
  const t: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    fn();
    t.push(performance.now() - t0);
  }
  return median(t);
}

export async function benchChecks(options: { pages?: number; runs?: number } = {}): Promise<string[]> {
  const pages = options.pages ?? 50;
  const runs = options.runs ?? 7;
  const draft = makeDraft(pages);
  const today = '2026-11-25';
  const tAnalyze = time(() => analyze(draft), runs);
  const tCheck = time(() => checkDraft(draft, { today }), runs);
  const tCheckEngine = time(() => checkDraft(draft, { today, splitter: 'engine' }), runs);
  const report = checkDraft(draft, { today });
  const kb = (draft.length / 1024).toFixed(0);
  const f = (ms: number) => `${ms.toFixed(0)} ms`;
  return [
    `Utkastskontroll (issue 8): ${pages} sidor, ${draft.length} tecken (${kb} kB), ${report.readability.words} ord, median av ${runs} körningar`,
    `  analyze() ensam:                         ${f(tAnalyze)}`,
    `  checkDraft(), compromise-meningar (std): ${f(tCheck)}  (${(tCheck / tAnalyze).toFixed(2)} × analysen, +${f(tCheck - tAnalyze)})`,
    `  checkDraft(), motorns meningsdelare:     ${f(tCheckEngine)}  (${(tCheckEngine / tAnalyze).toFixed(2)} × analysen)`,
    `  resultat: ${report.summary}; ${report.findings.length} anmärkningar`,
  ];
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  for (const line of await benchChecks()) console.log(line);
}
