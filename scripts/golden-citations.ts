/**
 * Golden snapshot of the citation engine, for refactoring and speed work that must not change its output:
 *
 *   npx tsx scripts/golden-citations.ts write     (before the change: stores the outputs in .tmp/golden/)
 *   npx tsx scripts/golden-citations.ts compare   (after it: prints each difference, exits 1 if there is one)
 *
 * The texts: every fixture, the bench text, the council documents and the ferenda-legalref cases of ../shared
 * (when present; the script says when they are not), and 1,500 seeded random recombinations of their pieces.
 * Each is run through findCitations (known and unknown date) and analyze() at two dates, without and with the
 * SFS title index. It is a developer tool, not a test: the snapshot is the previous version's output, right or wrong.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { analyze } from '../lib/analysis';
import { findCitations } from '../lib/citations';
import { installTitleIndexSync } from '../lib/laws/node-loader';
import { corpusText } from './bench-citations';

const root = resolve(fileURLToPath(import.meta.url), '..', '..');
const shared = resolve(root, '..', 'shared', 'corpus');
const goldenDir = join(root, '.tmp', 'golden');
const mode = process.argv[2];
if (mode !== 'write' && mode !== 'compare') {
  console.error('usage: npx tsx scripts/golden-citations.ts write|compare');
  process.exit(2);
}

const texts: [string, string][] = [];
function walk(dir: string): void {
  for (const f of readdirSync(dir).sort()) {
    const p = join(dir, f);
    if (statSync(p).isDirectory()) walk(p);
    else if (/\.(txt|html|md|json)$/.test(f)) texts.push([p.slice(root.length + 1), readFileSync(p, 'utf8')]);
  }
}
walk(join(root, 'tests/fixtures'));
if (existsSync(shared)) {
  const council = join(shared, 'council-docs');
  for (const f of readdirSync(council).sort()) if (f.endsWith('.txt')) texts.push([`council/${f}`, readFileSync(join(council, f), 'utf8')]);
  const rows = readFileSync(join(shared, 'ferenda-legalref.jsonl'), 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as { id: string; text: string });
  rows.forEach((r, i) => texts.push([`ferenda/${i}/${r.id}`, r.text]));
} else console.log(`(${shared} is absent: fixtures and the bench text only)`);
texts.push(['bench/unit', corpusText()]);

// Random recombinations: a seeded generator glues pieces of the texts together (runs of text, or words, some upper-cased or without spaces).
let state = 12345;
const rnd = () => (state = (state * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
const pool = texts.map((t) => t[1]).join('\n');
const words = pool.split(/(?<=\s)/);
for (let k = 0; k < 1500; k++) {
  const n = 5 + Math.floor(rnd() * 60);
  let s = '';
  if (rnd() < 0.5) {
    const at = Math.floor(rnd() * (pool.length - 400));
    s = pool.slice(at, at + 20 + Math.floor(rnd() * 400));
  } else {
    for (let i = 0; i < n; i++) {
      const w = words[Math.floor(rnd() * words.length)];
      s += rnd() < 0.1 ? w.toUpperCase() : rnd() < 0.05 ? w.replace(/\s/g, '') : w;
    }
  }
  texts.push([`random/${k}`, s]);
}

function run(tag: string): number {
  const out: Record<string, unknown> = {};
  for (const date of ['2024-01-01', '2026-01-01']) {
    for (const [name, text] of texts) {
      out[`${date}|fc|${name}`] = findCitations(text, { date, dateKnown: true });
      out[`${date}|fc0|${name}`] = findCitations(text, { date, dateKnown: false });
      out[`${date}|an|${name}`] = analyze(text, { date });
    }
  }
  const file = join(goldenDir, `${tag}.json`);
  if (mode === 'write') {
    mkdirSync(goldenDir, { recursive: true });
    writeFileSync(file, JSON.stringify(out));
    console.log(`${tag}: wrote ${Object.keys(out).length} outputs to ${file}`);
    return 0;
  }
  if (!existsSync(file)) throw new Error(`no snapshot ${file}: run "write" first, on the version to compare with`);
  const old = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
  let diffs = 0;
  for (const k of Object.keys(old)) {
    const a = JSON.stringify(old[k]);
    const b = JSON.stringify(out[k]);
    if (a === b) continue;
    diffs += 1;
    if (diffs > 15) continue;
    let i = 0;
    while (i < a.length && a[i] === b?.[i]) i++;
    console.log(`DIFF ${k}\n  old: ${a.slice(Math.max(0, i - 200), i + 300)}\n  new: ${b?.slice(Math.max(0, i - 200), i + 300)}`);
  }
  console.log(`${tag}: ${Object.keys(old).length} outputs, ${diffs} differ`);
  return diffs;
}

let total = run('plain');
installTitleIndexSync();
total += run('titles');
process.exit(total ? 1 : 0);
