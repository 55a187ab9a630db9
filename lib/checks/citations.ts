/**
 * Citation rules the engine does not have: a law named without its SFS number
 * at its first mention, and an abbreviation used before it is defined (law
 * abbreviations from the engine's citations, and other abbreviations defined
 * as "långt namn (FÖRK)").
 */
import type { Citation } from '../analysis/schema';
import { fold } from '../documents/fold';
import { PARTIES } from '../documents/persons';
import { defaultRegistry } from '../laws/default';
import type { RawFinding } from './types';

const LAW_NAME = /\p{L}*(?:lag|lagen|lagens|balk|balken|balkens|formen|formens|ordning|ordningen|ordningens|stadga|stadgan)(?![\p{L}])/u;
const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** "socialtjänstlagen (2025:400)" — the law's name form, else its title. */
function display(sfs: string, fallbackTitle: string): string {
  const info = defaultRegistry().get(sfs);
  const name = info?.names[0];
  const t = name && !name.startsWith('lagen ') ? name : (info?.title ?? fallbackTitle);
  return `${t.charAt(0).toLowerCase()}${t.slice(1)} (${sfs})`;
}

function hasSfs(c: Citation, text: string, sfs: string): boolean {
  const [y, n] = sfs.split(':');
  const re = new RegExp(`(?<!\\d)${esc(y)}\\s?:\\s?${esc(n)}(?!\\d)`);
  // the citation and what directly follows it ("Kommunallagen (2017:725)")
  return re.test(c.text) || re.test(text.slice(c.end, c.end + 30).split('\n\n')[0]);
}

const nameUsed = (c: Citation) => LAW_NAME.test(fold(c.text));

function abbreviationOnly(c: Citation): string | null {
  const a = c.law?.abbreviation;
  if (!a || nameUsed(c)) return null;
  return new RegExp(`(?<![\\p{L}])${esc(a)}(?![\\p{L}])`, 'u').test(c.text) ? a : null;
}

export function lawFindings(text: string, citations: Citation[]): RawFinding[] {
  const out: RawFinding[] = [];
  const byLaw = new Map<string, Citation[]>();
  for (const c of citations) {
    if (c.kind !== 'statute' || !c.law) continue;
    const list = byLaw.get(c.law.sfs) ?? [];
    list.push(c);
    byLaw.set(c.law.sfs, list);
  }
  for (const [sfs, list] of byLaw) {
    const first = list[0];
    if (hasSfs(first, text, sfs)) continue;
    // Every finding here is a warning at the law's first mention.
    const warn = (rule: RawFinding['rule'], code: string, message: string, suggestion: string) =>
      out.push({ rule, code, severity: 'warning', message, suggestion, start: first.start, end: first.end });
    const full = display(sfs, first.law?.title ?? sfs);
    const abbr = abbreviationOnly(first);
    if (!abbr) {
      warn(
        'law-without-sfs',
        'law-without-sfs',
        `Lagen nämns första gången utan SFS-nummer ("${first.text.replace(/\s+/g, ' ')}").`,
        `Ange SFS-numret första gången: ${full}.`,
      );
      continue;
    }
    const def = list.slice(1).find((c) => nameUsed(c) || hasSfs(c, text, sfs));
    if (def) {
      warn(
        'abbreviation-before-definition',
        'law-abbreviation-before-definition',
        `Förkortningen ${abbr} används innan lagen skrivs ut (det görs först längre fram: "${def.text.replace(/\s+/g, ' ')}").`,
        `Skriv ut lagen första gången: ${full}, ${abbr}.`,
      );
    } else {
      warn(
        'law-without-sfs',
        'law-abbreviation-only',
        `Lagen nämns bara med förkortningen ${abbr}, utan namn och SFS-nummer.`,
        `Skriv ut lagen första gången: ${full}, ${abbr}.`,
      );
    }
  }
  return out;
}

const PARTY_ABBR = new Set([...Object.values(PARTIES), ...Object.keys(PARTIES).map((k) => k.toUpperCase())]);
// "individ- och familjeomsorg (IoF)", "Stockholms stads sociala investeringsfond (SIF)": a word, then the abbreviation in parentheses
const DEFINITION = /\((\p{Lu}[\p{L}]{1,9})\)/gu;
const UPPER = /\p{Lu}/gu;
const isWordChar = (c: string | undefined) => c !== undefined && /[\p{L}\p{N}]/u.test(c);

/** First whole-word occurrence of `word` in text[0, before), or -1. */
function firstUse(text: string, word: string, before: number): number {
  for (let i = text.indexOf(word); i >= 0 && i < before; i = text.indexOf(word, i + 1)) {
    if (i + word.length > before) break;
    if (!isWordChar(text[i - 1]) && !isWordChar(text[i + word.length])) return i;
  }
  return -1;
}

/** Other abbreviations: "(IoF)" defined after "IoF" was already used. Law abbreviations are left to lawFindings. */
export function abbreviationFindings(text: string, citations: Citation[]): RawFinding[] {
  const lawAbbr = new Set(citations.map((c) => c.law?.abbreviation).filter((a): a is string => !!a));
  const out: RawFinding[] = [];
  const seen = new Set<string>();
  for (const m of text.matchAll(DEFINITION)) {
    const abbr = m[1];
    if (seen.has(abbr)) continue;
    seen.add(abbr);
    // an abbreviation (two capitals or more) after a written-out name
    if ((abbr.match(UPPER)?.length ?? 0) < 2 || PARTY_ABBR.has(abbr) || lawAbbr.has(abbr)) continue;
    if (!/\p{L}[ \t]*$/u.test(text.slice(Math.max(0, m.index - 3), m.index))) continue;
    const defAt = m.index;
    const use = firstUse(text, abbr, defAt);
    if (use < 0) continue;
    const lineStart = text.lastIndexOf('\n', defAt) + 1;
    const defText = text.slice(Math.max(lineStart, defAt - 60), defAt + abbr.length + 2).trim();
    out.push({
      rule: 'abbreviation-before-definition',
      code: 'abbreviation-before-definition',
      severity: 'warning',
      message: `Förkortningen ${abbr} används innan den förklaras (förklaringen kommer först längre fram: "…${defText}").`,
      suggestion: `Skriv ut vad ${abbr} står för första gången förkortningen används.`,
      start: use,
      end: use + abbr.length,
    });
  }
  return out;
}
