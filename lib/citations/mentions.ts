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

const WORD = /\p{L}[\p{L}\d&@]*/gu;
const LAW_SUFFIX = /(?:lag|lagen|lagens|balk|balken|balkens|ning|ningen|ningens|relse|relsen|stadga|stadgan|konventionen|konventionens)$/;
const GENERIC = new Set(['lag', 'lagen', 'forordning', 'forordningen', 'kungorelse', 'kungorelsen', 'balk', 'balken', 'lagar', 'lagarna']);
const TAIL_START = new Set(['om', 'med', 'till', 'angaende', 'for', 'mot', 'rorande', 'i', 'vid']);
const SFS_PAREN = /\s?\(\s?(?:SFS\s?)?(\d{4})\s?:\s?(\d{1,4}(?: \d{3})?)(?:\s?s\.\s?\d+)?\s?\)/y;
const SFS_BARE = /(?<![\p{L}\d])SFS\s?(\d{4})\s?:\s?(\d{1,5})(?!\d)/gu;
const COMPOUND_BEFORE = /(?:^|[^\p{L}])(\p{L}+-(?:, \p{L}+-){0,3} (?:och|eller) )$/u;
const NEW_BEFORE = /(?:^|[^\p{L}])(nya|nuvarande)\s$/iu;
const ABBR = /(?<![\p{L}\d])\p{Lu}[\p{L}]{0,8}(?![\p{L}\d])/gu;
const DEFINITION = /(?:,\s?|\s?\(\s?)(?:nedan\s|härefter\s|förkortad\s)?(\p{Lu}[\p{L}]{0,8})(\)?)(?![\p{L}\d-])/uy;
const TAIL_WORD = /\s(\p{L}[\p{L}\d.:-]*)/uy;
const CUES = new Set(['enligt', 'enl', 'i', 'jfr', 'av', 'och', 'samt', 'eller', 'till', 'under', 'se', 'mot', 'med', 'om', 'fran', 'ur', 'inom', 'vid', 'ny', 'nya', 'lagen', 'stod', 'sasom', 'se']);
const WEAK_ABBR = new Set(['SO', 'AL', 'MB', 'BK', 'RO', 'PL', 'DL', 'TF', 'RF', 'RB', 'FB']);

/** "datalagen" → "Datalag"; "lagen" + tail "om X" → "Lag om X". */
function titleFromText(word: string, tail: string): string {
  let w = word.replace(/(lag|balk|ning|relse)(en|ens)$/i, '$1').replace(/stadgan$/i, 'stadga');
  w = w.charAt(0).toUpperCase() + w.slice(1).toLowerCase();
  return tail ? `${w} ${tail}` : w;
}

export function toResolved(info: LawInfo, abbr?: string): ResolvedLaw {
  return { sfs: info.sfs, title: info.title, ...(abbr ?? info.abbreviation ? { abbreviation: abbr ?? info.abbreviation } : {}), info };
}

export interface MentionContext {
  registry: LawRegistry;
  date: string;
  state: DocState;
}

/** Finds the law mentions of one paragraph, in order, resolving them and updating the document state. */
export function findMentions(p: string, ctx: MentionContext): Mention[] {
  const { registry, date, state } = ctx;
  const out: Mention[] = [];

  const resolveSfs = (sfs: string, fallbackTitle: string): ResolvedLaw => {
    const info = registry.get(sfs);
    if (info) return toResolved(info);
    return { sfs, title: fallbackTitle || `SFS ${sfs}` };
  };

  // Names and "lag (SFS)".
  for (const m of p.matchAll(WORD)) {
    const word = m[0];
    const ws = m.index;
    let we = ws + word.length;
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
      const before = COMPOUND_BEFORE.exec(p.slice(Math.max(0, ws - 60), ws));
      if (before) {
        const k2 = foldName(before[1] + word);
        if (registry.isName(k2) || state.names.has(k2)) {
          start = ws - before[1].length;
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
    if (first && TAIL_START.has(foldName(first[1]))) {
      let pos = we;
      let phrase = lower;
      const words: string[] = [];
      for (let k = 0; k < 16; k++) {
        TAIL_WORD.lastIndex = pos;
        const tw = TAIL_WORD.exec(p);
        if (!tw) break;
        const w = tw[1].replace(/[.:]+$/, '');
        words.push(w);
        phrase += ` ${w}`;
        pos = tw.index + 1 + w.length;
        const pk = foldName(phrase);
        if (registry.isName(pk) || state.names.has(pk)) {
          tailKey = pk;
          tailText = words.join(' ');
          we = pos;
        }
        if (/[.:]$/.test(tw[1]) && !/^(?:m\.?fl|m\.?m|bl\.?a)\.?$/i.test(tw[1])) break;
      }
      if (!tailKey && sfs && generic) {
        // Unknown law: keep its title from the text for display, the span stays "lagen (SFS)".
        tailText = words.slice(0, 12).join(' ');
      }
    }
    let law: ResolvedLaw | undefined;
    const nameKey = tailKey ?? (generic ? undefined : key);
    if (sfs) {
      law = resolveSfs(sfs, titleFromText(word, tailKey ? tailText : generic ? tailText : ''));
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
  const overlapsNamed = (s: number, e: number): boolean => {
    let lo = 0;
    let hi = named.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (named[mid].e <= s) lo = mid + 1;
      else hi = mid;
    }
    return lo < named.length && named[lo].s < e;
  };
  // Bare "SFS 2022:1224".
  for (const m of p.matchAll(SFS_BARE)) {
    if (overlapsNamed(m.index, m.index + m[0].length)) continue;
    const sfs = `${m[1]}:${Number(m[2])}`;
    out.push({ s: m.index, e: m.index + m[0].length, kind: 'sfs', law: resolveSfs(sfs, ''), standalone: true });
  }

  // Abbreviations.
  for (const m of p.matchAll(ABBR)) {
    const abbr = m[0];
    const s = m.index;
    const e = s + abbr.length;
    if (overlapsNamed(s, e)) continue;
    let law = state.abbrs.get(abbr);
    let alsoMeans: LawInfo[] | undefined;
    if (!law) {
      const entry = registry.abbreviation(abbr);
      if (!entry) continue;
      const info = registry.pickAt(entry.primary, date);
      if (!info) continue;
      law = toResolved(info, abbr);
      const alt = entry.secondary.map((x) => registry.get(x)).filter((x): x is LawInfo => x !== undefined);
      if (alt.length) alsoMeans = alt;
    }
    const prev = /(\p{L}+)\.?\s?\(?$/u.exec(p.slice(Math.max(0, s - 20), s));
    const cue = prev ? CUES.has(foldName(prev[1])) : false;
    const standalone = (cue || state.abbrs.has(abbr)) && !WEAK_ABBR.has(abbr) && p[e] !== '-';
    out.push({ s, e, kind: 'abbr', law, abbr, standalone, ...(alsoMeans ? { alsoMeans } : {}) });
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
