/**
 * Scores the citation engine on ../shared/corpus/ferenda-legalref.jsonl (ferenda's
 * LegalRef fixtures, BSD-2-Clause, see that folder's README) and prints precision
 * and recall per kind.
 *
 *   npm run eval:citations [-- --verbose]
 *
 * Scoring (documented so the figures can be judged):
 * - A gold link is a unit: (type, identifiers) plus its span. A predicted unit is one
 *   statute target (a range gives its two end points, as ferenda links them), one page
 *   of a preparatory work (or the work itself), one decision, one CELEX act, or one
 *   law named on its own. Predicted regulations/case numbers count as units too.
 * - Units match when their identifiers agree and the predicted citation's span overlaps
 *   the gold link's span (ferenda's link boundaries are presentation choices, see the
 *   corpus README). Each gold unit is matched at most once.
 * - Gold links relative to the base statute (9999:999, "3 §" inside a law's own text)
 *   match predicted targets that have no law: a council document has no base statute,
 *   and the engine leaves the law out rather than guess.
 * - Gold law-only links ("konkurslagen (1987:672)" after a provision list) and chapter-only
 *   links ("4 kap." before "19 och 20 §§") are recalled by any overlapping predicted
 *   citation of that law (and chapter); the engine does not emit them as separate units.
 * - Sentence (M) and moment (O) are not in the contract's target and are not compared;
 *   an implied first stycke before a punkt (ferenda's "6 § 1" = S1N1) is compared as such.
 * - Rows without gold (ferenda's expected failures, `expected: null`) are skipped.
 * - A row's predicted units are scored only for the kinds its ferenda parser flags cover
 *   (LAGRUM/KORTLAGRUM/ENKLALAGRUM: statutes; FORARBETEN: preparatory works and CELEX;
 *   RATTSFALL: court decisions; EULAGSTIFTNING: EU acts; MYNDIGHETSBESLUT: JO/JK/ARN decisions).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Citation } from '../lib/analysis/schema';
import { findCitations } from '../lib/citations';
import { defaultRegistry } from '../lib/laws/default';
import { installTitleIndexSync } from '../lib/laws/node-loader';

const root = resolve(import.meta.dirname, '..');
const corpus = join(root, '..', 'shared', 'corpus', 'ferenda-legalref.jsonl');
const verbose = process.argv.includes('--verbose');

interface Gold {
  surface: string;
  uri: string;
  start: number;
  end: number;
  target: Record<string, string | boolean | undefined>;
}
interface Row {
  id: string;
  kind: string;
  text: string;
  expected: Gold[] | null;
  depends_on_previous_paragraphs: boolean;
  ferenda_parser_flags: string[];
  context: { resets_named_law_memory?: boolean } | null;
}
interface Unit {
  key: string;
  start: number;
  end: number;
  /** Recall-only helpers: the law / chapter of the citation. */
  law?: string;
  chapters?: string[];
}

/** Old numbers "1736:0123_s._2" compare as "1736:123" (the engine keeps year:number). */
const normSfs = (s: string) => s.replace(/(?:_s\._| s\. )\d+$/, '').replace(/^(\d{4}):0*(\d)/, '$1:$2');
const sec = (s: string | undefined) => (s ?? '').replace(/\s+/g, '').toLowerCase();

function goldKey(g: Gold): { key: string; lawOnly?: string; chapterOnly?: [string, string] } {
  const t = g.target;
  const type = String(t.type);
  if (type === 'sfs') {
    const law = t.relative_to_base_document ? '-' : normSfs(String(t.sfs));
    const chapter = sec(t.chapter as string);
    const section = sec(t.section as string);
    let piece = String(t.piece ?? '');
    const item = sec(t.item as string);
    if (!section && !chapter && !piece && !item) return { key: `sfs|${law}`, lawOnly: law };
    if (chapter && !section && !piece) return { key: `sfs|${law}|${chapter}||`, chapterOnly: [law, chapter] };
    if (item && !piece) piece = '1';
    return { key: `sfs|${law}|${chapter}|${section}|${piece}|${item}` };
  }
  if (type === 'celex') return { key: `celex|${t.id}` };
  if (type === 'rattsfall' || type === 'myndighetsbeslut') return { key: `${type === 'rattsfall' ? 'dom' : 'avg'}|${t.series}|${t.id}` };
  return { key: `${type}|${t.id}|${t.page ?? ''}` };
}

function predictedUnits(c: Citation): Unit[] {
  const base = { start: c.start, end: c.end };
  if (c.kind === 'statute') {
    const law = c.law?.sfs ?? '-';
    const chapters = (c.targets ?? []).map((t) => sec(t.chapter));
    if (!c.targets?.length) return [{ ...base, key: `sfs|${law}`, law }];
    const units: Unit[] = [];
    for (const t of c.targets) {
      const piece = t.paragraph ?? (t.point ? '1' : '');
      if (!t.section) {
        units.push({ ...base, key: t.chapter ? `sfs|${law}|${sec(t.chapter)}||` : `sfs|${law}|||${piece}|${sec(t.point)}`, law, chapters });
        continue;
      }
      units.push({ ...base, key: `sfs|${law}|${sec(t.chapter)}|${sec(t.section)}|${piece}|${sec(t.point)}`, law, chapters });
      if (t.sectionTo) units.push({ ...base, key: `sfs|${law}|${sec(t.chapter)}|${sec(t.sectionTo)}||`, law, chapters });
    }
    return units;
  }
  if (c.kind === 'eu') return [{ ...base, key: `celex|${c.ref}` }];
  if (c.kind === 'preparatory') {
    const m = /^(prop|SOU|Ds|bet|rskr|dir)\.? (.+)$/.exec(c.ref ?? '');
    const series = (m?.[1] ?? '').toLowerCase();
    const pages = (c.links ?? []).map((l) => /#sid(\d+)/.exec(l.url)?.[1]).filter((x): x is string => Boolean(x));
    const ps = pages.length ? pages : [''];
    return ps.map((pg) => ({ ...base, key: `${series}|${m?.[2]}|${pg}` }));
  }
  if (c.kind === 'case-law') {
    const url = c.links?.[0]?.url ?? '';
    const dom = /lagen\.nu\/dom\/([a-z]+)\/(.+)$/.exec(url);
    if (dom) return [{ ...base, key: `dom|${dom[1]}|${dom[2].replace(/^(\d{4})s(\d+)$/, '$1s$2')}` }];
    const avg = /lagen\.nu\/avg\/([a-z]+)\/(.+)$/.exec(url);
    if (avg) return [{ ...base, key: `avg|${avg[1]}|${avg[2]}` }];
    return [{ ...base, key: `other|${c.ref}` }];
  }
  return [{ ...base, key: `${c.kind}|${c.ref}` }];
}

function main(): void {
  if (!existsSync(corpus)) {
    console.log(`eval:citations: ${corpus} finns inte (../shared saknas i denna klon) — ingen utvärdering körd.`);
    return;
  }
  const registry = installTitleIndexSync(defaultRegistry());
  const rows = readFileSync(corpus, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as Row);
  const stats = new Map<string, { tp: number; pred: number; gold: number; found: number; goldNonRel: number; foundNonRel: number }>();
  let prevText = '';
  for (const row of rows) {
    // Multi-paragraph files: earlier paragraphs are context (named-law memory).
    const prefix = row.depends_on_previous_paragraphs && !row.context?.resets_named_law_memory ? `${prevText}\n\n` : '';
    prevText = prefix + row.text;
    if (row.expected === null) continue;
    const text = prefix + row.text;
    const shift = prefix.length;
    const res = findCitations(text, { date: '2026-11-25', dateKnown: false, registry });
    const cits = res.citations.filter((c) => c.end > shift).map((c) => ({ ...c, start: c.start - shift, end: c.end - shift }));
    const s = stats.get(row.kind) ?? { tp: 0, pred: 0, gold: 0, found: 0, goldNonRel: 0, foundNonRel: 0 };
    stats.set(row.kind, s);
    const gold = row.expected.map((g) => ({ g, ...goldKey(g), used: false }));
    // Only the kinds the row's ferenda parsers look for are scored (a statute named in a
    // förarbete fixture is not an error just because that fixture only tests förarbeten).
    const allowed = (key: string) =>
      row.ferenda_parser_flags.some((f) =>
        /LAGRUM/.test(f) ? key.startsWith('sfs|') :
        f === 'FORARBETEN' ? /^(prop|sou|ds|bet|rskr|dir|celex)\|/.test(key) :
        f === 'RATTSFALL' ? key.startsWith('dom|') :
        f === 'EULAGSTIFTNING' ? key.startsWith('celex|') :
        f === 'MYNDIGHETSBESLUT' ? key.startsWith('avg|') : false);
    const units = cits.flatMap(predictedUnits).filter((u) => allowed(u.key));
    const overlaps = (u: { start: number; end: number }, g: Gold) => u.start < g.end && g.start < u.end;
    // Precision: each predicted unit needs a gold link with the same key and an overlapping span.
    const missesP: string[] = [];
    for (const u of units) {
      const g = gold.find((x) => !x.used && x.key === u.key && overlaps(u, x.g)) ?? gold.find((x) => x.key === u.key && overlaps(u, x.g));
      s.pred += 1;
      if (g) {
        s.tp += 1;
        g.used = true;
      } else missesP.push(`${u.key} @${u.start}`);
    }
    // Recall.
    const missesR: string[] = [];
    for (const g of gold) {
      s.gold += 1;
      const rel = g.g.target.relative_to_base_document === true;
      if (!rel) s.goldNonRel += 1;
      let ok = g.used;
      if (!ok && g.lawOnly) ok = cits.some((c) => overlaps(c, g.g) && (c.law?.sfs ?? '-') === g.lawOnly);
      if (!ok && g.chapterOnly) {
        const [law, ch] = g.chapterOnly;
        ok = cits.some((c) => overlaps(c, g.g) && (c.law?.sfs ?? '-') === law && (c.targets ?? []).some((t) => sec(t.chapter) === ch));
      }
      if (ok) {
        s.found += 1;
        if (!rel) s.foundNonRel += 1;
      } else missesR.push(`${g.key} "${g.g.surface}"`);
    }
    if (verbose && (missesP.length || missesR.length)) {
      console.log(`\n${row.id}`);
      for (const m of missesP) console.log(`  FP ${m}`);
      for (const m of missesR) console.log(`  FN ${m}`);
      for (const c of cits) console.log(`   · ${JSON.stringify(c.text)} ${c.kind} ${c.law?.sfs ?? c.ref ?? ''} ${JSON.stringify(c.targets ?? [])}`);
    }
  }
  const pct = (a: number, b: number) => (b ? (a / b).toFixed(3) : '  –  ');
  console.log('Citation engine on ferenda-legalref.jsonl (span-overlap + identifier match; see header of this script)');
  console.log('kind                 predicted  precision   gold  recall   recall(excl. 9999:999-relative)');
  const tot = { tp: 0, pred: 0, gold: 0, found: 0, goldNonRel: 0, foundNonRel: 0 };
  for (const [kind, s] of [...stats.entries()].sort()) {
    for (const k of Object.keys(tot) as (keyof typeof tot)[]) tot[k] += s[k];
    console.log(`${kind.padEnd(20)} ${String(s.pred).padStart(9)}  ${pct(s.tp, s.pred).padStart(9)}  ${String(s.gold).padStart(5)}  ${pct(s.found, s.gold).padStart(6)}   ${pct(s.foundNonRel, s.goldNonRel)}`);
  }
  console.log(`${'ALL'.padEnd(20)} ${String(tot.pred).padStart(9)}  ${pct(tot.tp, tot.pred).padStart(9)}  ${String(tot.gold).padStart(5)}  ${pct(tot.found, tot.gold).padStart(6)}   ${pct(tot.foundNonRel, tot.goldNonRel)}`);
}

main();
