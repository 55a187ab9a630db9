/**
 * Law mentions: a law named in the text by name ("socialtjänstlagen", "lagen (1990:52) med
 * särskilda bestämmelser om vård av unga", "Hälso- och sjukvårdslagen"), by SFS number
 * ("SFS 2022:1224", "lag (2024:79)") or by abbreviation ("SoL"), resolved against the
 * registry at the document's date and the document's own definitions.
 */
import { foldName } from '../text/fold';
import type { LawInfo, LawRegistry } from '../laws/registry';

export interface ResolvedLaw {
  sfs: string;
  title: string;
  abbreviation?: string;
  info?: LawInfo;
}

export interface Mention {
  /** Offsets in the paragraph string. */
  s: number;
  e: number;
  kind: 'name' | 'sfs' | 'abbr';
  law?: ResolvedLaw;
  /** For abbreviations: other laws the abbreviation also means (ambiguity). */
  alsoMeans?: LawInfo[];
  abbr?: string;
  /** May stand alone as a citation (not only next to a provision). */
  standalone: boolean;
  /** Unknown name with no number: only a back-reference candidate. */
}

/** Document-level state: definitions bind names and abbreviations to laws. */
export interface DocState {
  names: Map<string, ResolvedLaw>;
  abbrs: Map<string, ResolvedLaw>;
  /** The law mentioned last (for "samma lag"). */
  last?: ResolvedLaw;
  ambiguityReported: Set<string>;
}

export function newDocState(): DocState {
  return { names: new Map(), abbrs: new Map(), ambiguityReported: new Set() };
}

const LETTER = /\p{L}/u;
const isLetterAt = (p: string, i: number): boolean => {
  const c = p.charCodeAt(i);
  if ((c >= 97 && c <= 122) || (c >= 65 && c <= 90)) return true;
  if (c < 0xc0) return false;
  return LETTER.test(p[i]);
};
/** A character of a word as /\p{L}[\p{L}\d&@]*\/ continues it. */
const isWordCode = (c: number, p: string, i: number): boolean =>
  (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 38 || c === 64 || (c >= 0xc0 && LETTER.test(p[i]));

/** Endings of law name forms (raw text; the folded word is checked against LAW_SUFFIX again). */
const SUFFIX_SRC = String.raw`(?:lag(?:en|ens)?|balk(?:en|ens)?|ning(?:en|ens)?|relsen?|stadgan?|konventionens?)`;
const FOLD_CLASS: Record<string, string> = { a: '[aåäàáâãæ&@]', o: '[oöóòôõø]', e: '[eéèêë]', i: '[iíìîï]', u: '[uüúùû]', y: '[yýÿ]' };
const candidateCache = new WeakMap<LawRegistry, { count: number; rx: RegExp }>();

/**
 * One regex that finds every word that may be a law name: a word with a law suffix, or a
 * one-word name form without one ("regeringsformen"). A superset: each hit is checked again.
 */
function nameCandidates(registry: LawRegistry): RegExp {
  const cached = candidateCache.get(registry);
  if (cached && cached.count === registry.nameCount) return cached.rx;
  const extras: string[] = [];
  for (const key of registry.nameKeys()) {
    if (key.includes(' ') || LAW_SUFFIX.test(key) || !/^[\p{L}\d&@]+$/u.test(key)) continue;
    extras.push([...key].map((ch) => FOLD_CLASS[ch] ?? ch.replace(/[\\^$.*+?()[\]{}|/]/g, '\\$&')).join(''));
  }
  const rx = new RegExp(`(?:${[SUFFIX_SRC, ...extras].join('|')})(?![\\p{L}\\d&@])`, 'giu');
  candidateCache.set(registry, { count: registry.nameCount, rx });
  return rx;
}
const LAW_SUFFIX = /(?:lag|lagen|lagens|balk|balken|balkens|ning|ningen|ningens|relse|relsen|stadga|stadgan|konventionen|konventionens)$/;
const GENERIC = new Set(['lag', 'lagen', 'forordning', 'forordningen', 'kungorelse', 'kungorelsen', 'balk', 'balken', 'lagar', 'lagarna']);
const TAIL_START = new Set(['om', 'med', 'till', 'angaende', 'for', 'mot', 'rorande', 'i', 'vid']);
const SFS_PAREN = /\s?\(\s?(?:SFS\s?)?(\d{4})\s?:\s?(\d{1,4}(?: \d{3})?)(?:\s?s\.\s?\d+)?\s?\)/y;
const SFS_BARE = /(?<![\p{L}\d])SFS\s?(\d{4})\s?:\s?(\d{1,5})(?!\d)/gu;
const LOOSE_SFS = /\((\s?(1\d{3}|20\d{2})\s?:\s?(\d{1,4})\s?)\)/gu;
/** "lag"/"lagen"/"förordning(en)" earlier in the same clause (no full stop, semicolon, parenthesis or §). */
const LAW_BEFORE = /(?<![\p{L}])(?:lag|lagen|förordning|förordningen)(?![\p{L}])[^.;()§]{0,40}$/iu;
/** Numbers of other series written like SFS numbers ("SOU 2020:47", "SOSFS 2014:5"). */
const SERIES_BEFORE = /(?:SOU|Ds|DS|SFS|[Pp]rop\.?|\p{Lu}+-?FS|[Dd]ir\.|NJA|[Rr]skr\.?|[Bb]et\.)\s?\(?$/u;
const AMENDMENT_NOTE_AFTER = /^\.(?:\s|$)/;
const SENTENCE_START = /(?:^|[.!?]\s?)$/;
const NEW_BEFORE = /(?:^|[^\p{L}])(nya|nuvarande)\s$/iu;
/** An abbreviation as a whole word (the known ones are found by one regex built from them). */
const ABBR_WORD = /^\p{Lu}\p{L}{0,8}$/u;
const abbrCache = new WeakMap<LawRegistry, RegExp>();
let docAbbrCache: { registry: LawRegistry; key: string; rx: RegExp } | undefined;

/** A regex for the abbreviations the registry knows plus those the document has defined. */
function abbreviationFinder(registry: LawRegistry, state: DocState): RegExp {
  const own = [...state.abbrs.keys()].filter((a) => ABBR_WORD.test(a) && !registry.abbreviation(a));
  const build = (list: string[]) => {
    const alts = [...new Set(list)].filter((a) => ABBR_WORD.test(a)).sort((a, b) => b.length - a.length || (a < b ? -1 : 1));
    // (?<![\p{L}\d]\1) after the word is (?<![\p{L}\d]) before it; written so, the regex can scan for the words' letters.
    return new RegExp(`(${alts.map((a) => a.replace(/[\\^$.*+?()[\]{}|/]/g, '\\$&')).join('|') || '(?!)'})(?<![\\p{L}\\d]\\1)(?![\\p{L}\\d])`, 'gu');
  };
  if (!own.length) {
    let rx = abbrCache.get(registry);
    if (!rx) {
      rx = build(registry.abbreviationKeys());
      abbrCache.set(registry, rx);
    }
    return rx;
  }
  const key = own.sort().join('|');
  if (docAbbrCache?.key !== key || docAbbrCache.registry !== registry) docAbbrCache = { registry, key, rx: build([...registry.abbreviationKeys(), ...own]) };
  return docAbbrCache.rx;
}
const DEFINITION = /(?:,\s?|\s?\(\s?)(?:nedan\s|härefter\s|förkortad\s)?(\p{Lu}[\p{L}]{0,8})(\)?)(?![\p{L}\d-])/uy;
const TAIL_WORD = /\s(\p{L}[\p{L}\d.:-]*)/uy;
const CUES = new Set(['enligt', 'enl', 'i', 'jfr', 'av', 'och', 'samt', 'eller', 'till', 'under', 'se', 'mot', 'med', 'om', 'fran', 'ur', 'inom', 'vid', 'ny', 'nya', 'lagen', 'stod', 'sasom', 'se']);
const WEAK_ABBR = new Set(['SO', 'AL', 'MB', 'BK', 'RO', 'PL', 'DL', 'TF', 'RF', 'RB', 'FB']);

/**
 * The word before an abbreviation, as /(\p{L}+)\.?\s?\(?$/u finds it in the 20 characters before
 * `s`: letters, then an optional ".", whitespace and "(" (scanned backwards, no slice).
 */
function cueBefore(p: string, s: number): string | undefined {
  const from = Math.max(0, s - 20);
  let e = s;
  if (e > from && p.charCodeAt(e - 1) === 40) e -= 1;
  if (e > from && WHITESPACE.test(p[e - 1])) e -= 1;
  if (e > from && p.charCodeAt(e - 1) === 46) e -= 1;
  let b = e;
  for (;;) {
    const n = letterBefore(p, b, from);
    if (!n) break;
    b -= n;
  }
  return b < e ? p.slice(b, e) : undefined;
}
const WHITESPACE = /\s/;
/**
 * The first parts of a compound before ws ("Hälso- och ", "hälso-, sjukvårds- och "), as
 * /(?:^|[^\p{L}])(\p{L}+-(?:, \p{L}+-){0,3} (?:och|eller) )$/u finds them in the 60 characters before ws (scanned backwards, no slice): the
 * leftmost match is the one with the most ", X-" parts (at most 3), each part's letters a whole run.
 */
export function compoundBefore(p: string, ws: number): string | undefined {
  const from = Math.max(0, ws - 60);
  let e: number;
  if (ws - from >= 6 && p.endsWith('- och ', ws)) e = ws - 5;
  else if (ws - from >= 8 && p.endsWith('- eller ', ws)) e = ws - 7;
  else return undefined;
  // p[e - 1] is the "-"; the letters before it.
  const run = (end: number): number => {
    let b = end;
    for (;;) {
      const n = letterBefore(p, b, from);
      if (!n) return b;
      b -= n;
    }
  };
  let a = run(e - 1);
  if (a === e - 1) return undefined;
  for (let k = 0; k < 3; k++) {
    if (a - 3 < from || p.charCodeAt(a - 1) !== 32 || p.charCodeAt(a - 2) !== 44 || p.charCodeAt(a - 3) !== 45) break;
    const b = run(a - 3);
    if (b === a - 3) break;
    a = b;
  }
  return p.slice(a, ws);
}

/** Length (1 or 2) of the letter (a code point) ending at `b`, not before `from`; 0 if none. */
function letterBefore(p: string, b: number, from: number): number {
  if (b <= from) return 0;
  const c = p.charCodeAt(b - 1);
  if ((c >= 97 && c <= 122) || (c >= 65 && c <= 90)) return 1;
  if (c < 0xaa) return 0;
  if (c >= 0xdc00 && c <= 0xdfff && b - 2 >= from) {
    const h = p.charCodeAt(b - 2);
    if (h >= 0xd800 && h <= 0xdbff) return LETTER.test(p.slice(b - 2, b)) ? 2 : 0;
  }
  return LETTER.test(p[b - 1]) ? 1 : 0;
}
type AbbrReading = { law: ResolvedLaw; alsoMeans: LawInfo[] | undefined } | null;
const readingsCache = new WeakMap<DocState, { registry: LawRegistry; date: string; map: Map<string, AbbrReading> }>();
/** The registry's readings of abbreviations, per document state, registry and date. */
function abbreviationReadings(registry: LawRegistry, date: string, state: DocState): Map<string, AbbrReading> {
  const hit = readingsCache.get(state);
  if (hit && hit.registry === registry && hit.date === date) return hit.map;
  const map = new Map<string, AbbrReading>();
  readingsCache.set(state, { registry, date, map });
  return map;
}
/** abbreviationFinder per document state: the document's abbreviations only grow, so the same size means the same list. */
const stateAbbrCache = new WeakMap<DocState, { registry: LawRegistry; size: number; rx: RegExp }>();
function stateAbbreviationFinder(registry: LawRegistry, state: DocState): RegExp {
  const hit = stateAbbrCache.get(state);
  if (hit && hit.registry === registry && hit.size === state.abbrs.size) return hit.rx;
  const rx = abbreviationFinder(registry, state);
  stateAbbrCache.set(state, { registry, size: state.abbrs.size, rx });
  return rx;
}
const ENDS_CLAUSE = /[.:]$/;
const TRAILING_STOPS = /[.:]+$/;
const ABBREVIATED = /^(?:m\.?fl|m\.?m|bl\.?a)\.?$/i;
const DEFINITE_END = /(lag|balk|ning|relse)(en|ens)$/i;
const STADGAN_END = /stadgan$/i;

/** "datalagen" → "Datalag"; "lagen" + tail "om X" → "Lag om X". */
function titleFromText(word: string, tail: string): string {
  let w = word.replace(DEFINITE_END, '$1').replace(STADGAN_END, 'stadga');
  w = w.charAt(0).toUpperCase() + w.slice(1).toLowerCase();
  return tail ? `${w} ${tail}` : w;
}

/** Shared per law and abbreviation (ResolvedLaw objects are never changed). */
const resolvedCache = new WeakMap<LawInfo, Map<string, ResolvedLaw>>();
export function toResolved(info: LawInfo, abbr?: string): ResolvedLaw {
  const want = abbr ?? info.abbreviation;
  let byAbbr = resolvedCache.get(info);
  if (!byAbbr) {
    byAbbr = new Map();
    resolvedCache.set(info, byAbbr);
  }
  const key = abbr ?? '\u0000';
  const hit = byAbbr.get(key);
  if (hit && hit.sfs === info.sfs && hit.title === info.title && hit.abbreviation === (want ? want : undefined)) return hit;
  const law: ResolvedLaw = { sfs: info.sfs, title: info.title, ...(want ? { abbreviation: want } : {}), info };
  byAbbr.set(key, law);
  return law;
}

export interface MentionContext {
  registry: LawRegistry;
  date: string;
  state: DocState;
}

function resolveSfs(registry: LawRegistry, sfs: string, fallbackTitle: string): ResolvedLaw {
  const info = registry.get(sfs);
  if (info) return toResolved(info);
  return { sfs, title: fallbackTitle || `SFS ${sfs}` };
}

/** Whether [s, e) overlaps one of `named` (in order, not overlapping): binary search. */
function overlapsNamed(named: readonly Mention[], s: number, e: number): boolean {
  let lo = 0;
  let hi = named.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (named[mid].e <= s) lo = mid + 1;
    else hi = mid;
  }
  return lo < named.length && named[lo].s < e;
}

/** Finds the law mentions of one paragraph, in order, resolving them and updating the document state. */
export function findMentions(p: string, ctx: MentionContext): Mention[] {
  const { registry, date, state } = ctx;
  const out: Mention[] = [];


  // Names and "lag (SFS)": only words that can be a name form (a law suffix or a known
  // name without one) are looked at; the word is then the whole run of letters around the hit.
  const notes: [number, number][] = [];
  const candidates = nameCandidates(registry);
  candidates.lastIndex = 0;
  let prevWordStart = -1;
  for (let hit = candidates.exec(p); hit; hit = candidates.exec(p)) {
    const we0 = hit.index + hit[0].length;
    let ws = hit.index;
    while (ws > 0 && isWordCode(p.charCodeAt(ws - 1), p, ws - 1)) ws -= 1;
    while (ws < we0 && !isLetterAt(p, ws)) ws += 1;
    if (ws >= we0 || ws === prevWordStart) continue;
    prevWordStart = ws;
    const word = p.slice(ws, we0);
    let we = we0;
    const lower = word.toLowerCase();
    const last = lower.charCodeAt(lower.length - 1);
    // Name forms end in -n/-s (definite, possessive), -g/-k/-a (lag, balk, förordning, stadga).
    if (last !== 110 && last !== 115 && last !== 103 && last !== 107 && last !== 97) continue;
    const folded = foldName(word);
    if (!LAW_SUFFIX.test(folded) && !registry.isName(folded) && !state.names.has(folded)) continue;
    let start = ws;
    let key = folded;
    const generic = GENERIC.has(folded);
    if (!generic) {
      // (COMPOUND_BEFORE ends in "- och " or "- eller ")
      const sp = ws >= 6 && p.charCodeAt(ws - 1) === 32 ? p.charCodeAt(ws - 2) : 0; // "h" of "och ", "r" of "eller "
      const before = sp === 104 || sp === 114 ? compoundBefore(p, ws) : undefined;
      if (before) {
        const k2 = foldName(before + word);
        if (registry.isName(k2) || state.names.has(k2)) {
          start = ws - before.length;
          key = k2;
        }
      }
    }
    // Explicit SFS number.
    SFS_PAREN.lastIndex = we;
    const sm = SFS_PAREN.exec(p);
    let sfs: string | undefined;
    if (sm) {
      sfs = `${sm[1]}:${Number(sm[2].replace(' ', ''))}`;
      we = SFS_PAREN.lastIndex;
    }
    // Title tail ("lagen (1990:52) med särskilda bestämmelser om vård av unga").
    let tailKey: string | undefined;
    let tailText = '';
    TAIL_WORD.lastIndex = we;
    const first = TAIL_WORD.exec(p);
    // (folding never shortens a word; the longest tail start has 8 letters)
    if (first && first[1].length <= 8 && TAIL_START.has(foldName(first[1]))) {
      let pos = we;
      let phrase = lower;
      const words: string[] = [];
      for (let k = 0; k < 16; k++) {
        TAIL_WORD.lastIndex = pos;
        const tw = TAIL_WORD.exec(p);
        if (!tw) break;
        const w = ENDS_CLAUSE.test(tw[1]) ? tw[1].replace(TRAILING_STOPS, '') : tw[1];
        words.push(w);
        phrase += ` ${w}`;
        pos = tw.index + 1 + w.length;
        const pk = foldName(phrase);
        if (registry.isName(pk) || state.names.has(pk)) {
          tailKey = pk;
          tailText = words.join(' ');
          we = pos;
        }
        if (ENDS_CLAUSE.test(tw[1]) && !ABBREVIATED.test(tw[1])) break;
      }
      if (!tailKey && sfs && generic) {
        // Unknown law: keep its title from the text for display, the span stays "lagen (SFS)".
        tailText = words.slice(0, 12).join(' ');
      }
    }
    let law: ResolvedLaw | undefined;
    const nameKey = tailKey ?? (generic ? undefined : key);
    if (sfs) {
      const info = registry.get(sfs);
      law = info ? toResolved(info) : { sfs, title: titleFromText(word, tailKey ? tailText : generic ? tailText : '') || `SFS ${sfs}` };
      if (nameKey) {
        state.names.set(nameKey, law);
        // Bind the canonical spelling too when the text has OCR damage ("socialtjianstlagen").
        const canonical = registry.isName(nameKey) ? undefined : registry.fuzzyName(nameKey);
        if (canonical) state.names.set(canonical, law);
      }
    } else if (nameKey) {
      const newest = NEW_BEFORE.test(p.slice(Math.max(0, start - 12), start));
      law = (!newest ? state.names.get(nameKey) : undefined) ?? pickByName(registry, nameKey, date, newest);
      if (!law && !generic) {
        // Possessive ("brottsbalkens") or OCR damage ("socialtjianstlagen").
        const stem = nameKey.endsWith('s') ? nameKey.slice(0, -1) : undefined;
        const k = stem && (registry.isName(stem) || state.names.has(stem)) ? stem : registry.fuzzyName(nameKey);
        if (k) law = (!newest ? state.names.get(k) : undefined) ?? pickByName(registry, k, date, newest);
      }
    }
    if (!law) continue;
    // An amendment note ("… Lag (1997:289)." closing a quoted section): names the amending act, not a reference.
    if (sfs && generic && !tailKey && AMENDMENT_NOTE_AFTER.test(p.slice(we, we + 3)) && /^[LF]/.test(word) && SENTENCE_START.test(p.slice(Math.max(0, ws - 3), ws))) {
      notes.push([ws, we]);
      continue;
    }
    // A definition: "socialtjänstlagen (2001:453), SoL" / "socialtjänstlagen (SoL)".
    DEFINITION.lastIndex = we;
    const dm = DEFINITION.exec(p);
    let defined: string | undefined;
    if (dm) {
      const abbr = dm[1];
      const paren = dm[0].includes('(');
      const known = registry.abbreviation(abbr);
      const sameLaw = known ? known.primary.includes(law.sfs) || known.secondary.includes(law.sfs) : false;
      const looksAbbr = !known && (abbr.match(/\p{Lu}/gu)?.length ?? 0) >= 2;
      if ((!paren || dm[2] === ')') && (sameLaw || looksAbbr)) {
        defined = abbr;
        we = DEFINITION.lastIndex;
        state.abbrs.set(abbr, { ...law, abbreviation: abbr });
      }
    }
    if (defined && !law.abbreviation) law = { ...law, abbreviation: defined };
    out.push({ s: start, e: we, kind: sfs ? 'sfs' : 'name', law, standalone: true });
  }

  // Names are found in order: overlap checks by binary search.
  const named = out.slice();
  // Bare "SFS 2022:1224".
  // (exec loops on the shared global regexes: matchAll would copy the regex for every paragraph)
  SFS_BARE.lastIndex = 0;
  for (let m = SFS_BARE.exec(p); m; m = SFS_BARE.exec(p)) {
    if (overlapsNamed(named, m.index, m.index + m[0].length)) continue;
    const sfs = `${m[1]}:${Number(m[2])}`;
    out.push({ s: m.index, e: m.index + m[0].length, kind: 'sfs', law: resolveSfs(registry, sfs, ''), standalone: true });
  }

  // A bare SFS number in parentheses in a clause about a law: "en lag som finns: (1982:713)".
  if (p.includes(':')) {
    LOOSE_SFS.lastIndex = 0;
    for (let m = LOOSE_SFS.exec(p); m; m = LOOSE_SFS.exec(p)) {
      const s = m.index + 1 + (m[1].length - m[1].trimStart().length);
      const e = s + m[1].trim().length;
      if (overlapsNamed(named, m.index, m.index + m[0].length) || out.some((o) => o.s < e && s < o.e) || notes.some(([a, b]) => a < e && s < b)) continue;
      const before = p.slice(Math.max(0, m.index - 50), m.index);
      if (!LAW_BEFORE.test(before) || SERIES_BEFORE.test(before)) continue;
      const sfs = `${m[2]}:${Number(m[3])}`;
      out.push({ s, e, kind: 'sfs', law: resolveSfs(registry, sfs, ''), standalone: true });
    }
  }

  // Abbreviations.
  const abbrRx = stateAbbreviationFinder(registry, state);
  const abbrReadings = abbreviationReadings(registry, date, state);
  abbrRx.lastIndex = 0;
  for (let m = abbrRx.exec(p); m; m = abbrRx.exec(p)) {
    const abbr = m[0];
    const s = m.index;
    const e = s + abbr.length;
    if (overlapsNamed(named, s, e)) continue;
    let law = state.abbrs.get(abbr);
    let alsoMeans: LawInfo[] | undefined;
    if (!law) {
      // The registry's reading of the abbreviation at this date (the same for the whole document).
      let known = abbrReadings.get(abbr);
      if (known === undefined) {
        known = null;
        const entry = registry.abbreviation(abbr);
        const info = entry ? registry.pickAt(entry.primary, date) : undefined;
        if (entry && info) {
          const alt = entry.secondary.map((x) => registry.get(x)).filter((x): x is LawInfo => x !== undefined);
          known = { law: toResolved(info, abbr), alsoMeans: alt.length ? alt : undefined };
        }
        abbrReadings.set(abbr, known);
      }
      if (!known) continue;
      law = known.law;
      alsoMeans = known.alsoMeans;
    }
    const prev = cueBefore(p, s);
    // (folding never shortens a word; the longest cue has 6 letters)
    const cue = prev !== undefined && prev.length <= 6 && CUES.has(foldName(prev));
    const standalone = (cue || state.abbrs.has(abbr)) && !WEAK_ABBR.has(abbr) && p[e] !== '-';
    const mention: Mention = { s, e, kind: 'abbr', law, abbr, standalone };
    if (alsoMeans) mention.alsoMeans = alsoMeans;
    out.push(mention);
  }
  out.sort((a, b) => a.s - b.s);
  return out;
}

function pickByName(registry: LawRegistry, key: string, date: string, newest: boolean): ResolvedLaw | undefined {
  const list = registry.lawsNamed(key);
  if (!list) return undefined;
  const info = registry.pickAt(list, date, newest);
  return info ? toResolved(info) : undefined;
}
