/**
 * Law mentions: a law named in the text by name ("socialtjänstlagen", "lagen (1990:52) med
 * särskilda bestämmelser om vård av unga", "Hälso- och sjukvårdslagen"), by SFS number
 * ("SFS 2022:1224", "lag (2024:79)") or by abbreviation ("SoL"), resolved against the
 * registry at the document's date and the document's own definitions.
 */
import { findDates } from '../documents/dates';
import { foldName } from '../text/fold';
import { isHighLetter, letterBefore } from '../text/letters';
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
  /** Abbreviations the document gives something that is no law ("Socialförvaltningen (SoF)"): no citation on their own. */
  ownAbbrs: Set<string>;
}

export function newDocState(): DocState {
  return { names: new Map(), abbrs: new Map(), ambiguityReported: new Set(), ownAbbrs: new Set() };
}

/**
 * p.charCodeAt(i), or -1 outside p. (Reading past either end gives NaN, and each place that does so
 * once makes the optimised findMentions bail out and be compiled again, which costs more than it runs.)
 */
const codeAt = (p: string, i: number): number => (i >= 0 && i < p.length ? p.charCodeAt(i) : -1);
const isLetterAt = (p: string, i: number): boolean => {
  const c = p.charCodeAt(i);
  if ((c >= 97 && c <= 122) || (c >= 65 && c <= 90)) return true;
  if (c < 0xc0) return false;
  return isHighLetter(c, p, i);
};
/** A character of a word as /\p{L}[\p{L}\d&@]*\/ continues it. */
const isWordCode = (c: number, p: string, i: number): boolean =>
  (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 38 || c === 64 || (c >= 0xc0 && isHighLetter(c, p, i));

/** Endings of law name forms (raw text; the folded word is checked by hasLawSuffix again). */
const SUFFIX_SRC = String.raw`(?:(?:lag|balk|ordning|konvention)(?:ens?)?|relsen?|stadgan?)`;
const FOLD_CLASS: Record<string, string> = { a: '[aåäàáâãæ&@]', o: '[oöóòôõø]', e: '[eéèêë]', i: '[iíìîï]', u: '[uüúùû]', y: '[yýÿ]' };
/**
 * The name-candidate regex, and whether each character it can match is one isWordCode accepts (every
 * extra name form is made of a-z, digits, & and @: the suffixes and these match ASCII letters, their
 * case pairs K (U+212A) and ſ (U+017F), digits, & and @, and the letters of FOLD_CLASS and their case
 * pairs, all letters). Then a hit's word reaches back from the hit's end as it does from its start,
 * and the hit's start is not needed.
 */
type Candidates = { count: number; rx: RegExp; wordOnly: boolean };
const candidateCache = new WeakMap<LawRegistry, Candidates>();

/**
 * One regex that finds every word that may be a law name: a word with a law suffix, or a
 * one-word name form without one ("regeringsformen"). A superset: each hit is checked again.
 */
function nameCandidates(registry: LawRegistry): Candidates {
  const cached = candidateCache.get(registry);
  if (cached && cached.count === registry.nameCount) return cached;
  const extras: string[] = [];
  let wordOnly = true;
  for (const key of registry.nameKeys()) {
    if (key.includes(' ') || hasLawSuffix(key) || !/^[\p{L}\d&@]+$/u.test(key)) continue;
    if (!/^[a-z\d&@]+$/.test(key)) wordOnly = false;
    extras.push([...key].map((ch) => FOLD_CLASS[ch] ?? ch.replace(/[\\^$.*+?()[\]{}|/]/g, '\\$&')).join(''));
  }
  const rx = new RegExp(`(?:${[SUFFIX_SRC, ...extras].join('|')})(?![\\p{L}\\d&@])`, 'giu');
  const made = { count: registry.nameCount, rx, wordOnly };
  candidateCache.set(registry, made);
  return made;
}
/**
 * Does a folded word end like a law name form: lag(en|ens), balk(en|ens), ordning(en|ens) (förordning,
 * riksdagsordning), relse(n) (kungörelse), stadga(n), konvention(en)(s)? (Not every "-ning": utredning,
 * förvaltning and their like are common and never name a law.)
 */
function hasLawSuffix(f: string): boolean {
  switch (f.charCodeAt(f.length - 1)) {
    case 103: // g
      return f.endsWith('lag') || f.endsWith('ordning');
    case 107: // k
      return f.endsWith('balk');
    case 101: // e
      return f.endsWith('relse');
    case 97: // a
      return f.endsWith('stadga');
    case 110: // n
      return f.endsWith('lagen') || f.endsWith('balken') || f.endsWith('ordningen') || f.endsWith('relsen') || f.endsWith('stadgan') || f.endsWith('konvention') || f.endsWith('konventionen');
    case 115: // s
      return f.endsWith('lagens') || f.endsWith('balkens') || f.endsWith('ordningens') || f.endsWith('konventionens');
    default:
      return false;
  }
}
/** What the registry tells of one word of the text, as written (memoised per registry: the same words recur). */
interface WordInfo {
  folded: string;
  /** A law suffix, or a name form the registry knows: worth a look. */
  nameLike: boolean;
  /** "lag", "förordningen" …: a name only with a number or a title tail. */
  generic: boolean;
  /** The folded word without a final "s" (a possessive), if it ends in one. */
  stem: string | undefined;
  /** The registry knows neither the word, nor its stem, nor a name form close to it. */
  unknown: boolean;
}
type WordMemo = { count: number; map: Map<string, WordInfo> };
const wordCache = new WeakMap<LawRegistry, WordMemo>();
/** The memo for a registry, emptied when the registry learns names. */
function wordMemo(registry: LawRegistry): WordMemo {
  let memo = wordCache.get(registry);
  if (!memo || memo.count !== registry.nameCount) {
    memo = { count: registry.nameCount, map: new Map() };
    wordCache.set(registry, memo);
  }
  return memo;
}
/** A hash of the code units of p[s, e) (30 bits: a small integer, a cheap Map key). */
function codeHash(p: string, s: number, e: number): number {
  let h = 0;
  for (let i = s; i < e; i++) h = (Math.imul(h, 31) + p.charCodeAt(i)) | 0;
  return h & 0x3fffffff;
}
function wordInfo(memo: WordMemo, registry: LawRegistry, word: string): WordInfo {
  let info = memo.map.get(word);
  if (info === undefined) {
    const folded = foldName(word);
    const known = registry.isName(folded);
    const stem = stemOf(folded);
    info = {
      folded,
      nameLike: hasLawSuffix(folded) || known,
      generic: GENERIC.has(folded),
      stem,
      unknown: !known && !(stem && registry.isName(stem)) && registry.fuzzyName(folded) === undefined,
    };
    if (memo.map.size >= 20_000) memo.map.clear();
    memo.map.set(word, info);
  }
  return info;
}
const stemOf = (key: string): string | undefined => (key.endsWith('s') ? key.slice(0, -1) : undefined);
/** The last code unit of a word lower-cased (for a word whose last character is not ASCII). */
const lowerLastCode = (word: string): number => {
  const lower = word.toLowerCase();
  return lower.charCodeAt(lower.length - 1);
};
const GENERIC = new Set(['lag', 'lagen', 'forordning', 'forordningen', 'kungorelse', 'kungorelsen', 'balk', 'balken', 'lagar', 'lagarna']);
const TAIL_START = new Set(['om', 'med', 'till', 'angaende', 'for', 'mot', 'rorande', 'i', 'vid']);
/** First letters of the TAIL_START words (char codes), and their first two letters (code << 8 | code). */
const TAIL_INITIAL = new Set([...TAIL_START].map((w) => w.charCodeAt(0)));
const TAIL_PAIRS = new Set([...TAIL_START].filter((w) => w.length > 1).map((w) => (w.charCodeAt(0) << 8) | w.charCodeAt(1)));
const SFS_PAREN = /\s?\(\s?(?:SFS\s?)?(\d{4})\s?:\s?(\d{1,4}(?: \d{3})?)(?:\s?s\.\s?\d+)?\s?\)/y;
const SFS_BARE = /(?<![\p{L}\d])SFS\s?(\d{4})\s?:\s?(\d{1,5})(?!\d)/gu;
const LOOSE_SFS = /\((\s?(1\d{3}|20\d{2})\s?:\s?(\d{1,4})\s?)\)/gu;
/** LOOSE_SFS at one place: the groups of a hit found by LOOSE_SFS.test (the same regex from the same start matches the same). */
const LOOSE_SFS_AT = new RegExp(LOOSE_SFS.source, 'uy');
/** "lag"/"lagen"/"förordning(en)" earlier in the same clause (no full stop, semicolon, parenthesis or §). */
const LAW_BEFORE = /(?<![\p{L}])(?:lag|lagen|förordning|förordningen)(?![\p{L}])[^.;()§]{0,40}$/iu;
/** Numbers of other series written like SFS numbers ("SOU 2020:47", "SOSFS 2014:5"). */
const SERIES_BEFORE = /(?:SOU|Ds|DS|SFS|[Pp]rop\.?|\p{Lu}+-?FS|[Dd]ir\.|NJA|[Rr]skr\.?|[Bb]et\.)\s?\(?$/u;
const AMENDMENT_NOTE_AFTER = /^\.(?:\s|$)/;
const SENTENCE_START = /(?:^|[.!?]\s?)$/;
/** "2001 års " before a name. */
const YEAR_BEFORE = /(?:^|[^\d])((?:19|20)\d\d) års\s$/;
/** "nya " before a name ("den nya socialtjänstlagen", "nya SoL"): the newest law of that name. ("nuvarande" is the one in force.) */
const NEW_BEFORE = /(?:^|[^\p{L}])nya\s$/iu;
/** The words that call a law the former one ("den äldre socialtjänstlagen", "tidigare SoL"). */
const FORMER_WORD = String.raw`(?:[äa]ldre|tidigare|gamla|f[öo]rra|d[åa]varande|upph[äa]vda)`;
const FORMER_BEFORE = new RegExp(String.raw`(?:^|[^\p{L}])${FORMER_WORD}\s$`, 'iu');
/**
 * Before `start`, a word that calls the law read there the former one: the law it replaced last and where the
 * citation then starts (the word is part of it), or undefined.
 */
function formerReading(p: string, start: number, law: ResolvedLaw, registry: LawRegistry, abbr?: string): { law: ResolvedLaw; start: number } | undefined {
  // (every former word ends in "a" or "e": the regex runs only after one)
  if (!law.info || start < 6 || !isSpaceAt(p, start - 1)) return undefined;
  const last = codeAt(p, start - 2) | 0x20;
  if (last !== 97 && last !== 101) return undefined;
  const m = FORMER_BEFORE.exec(p.slice(Math.max(0, start - 12), start));
  const previous = m ? latestPredecessor(registry, law.sfs) : undefined;
  if (!m || !previous) return undefined;
  return { law: toResolved(previous, abbr), start: start - m[0].length + (isLetterAt(m[0], 0) ? 0 : 1) };
}
/** The law that `sfs` replaced last (the one whose end is latest), if any. */
export function latestPredecessor(registry: LawRegistry, sfs: string): LawInfo | undefined {
  let previous: { law: LawInfo; until: string } | undefined;
  for (const x of registry.predecessors(sfs)) if (!previous || (x.until ?? '') > previous.until) previous = { law: x.law, until: x.until ?? '' };
  return previous?.law;
}
/** "i dess lydelse före den 1 juli 2025", "i lydelsen före 2025-07-01" after a law's name: the date follows it. */
const VERSION_BEFORE = /^,?\si\s(?:(?:dess|sin|den)\s)?lydelsen?\s(?:före|innan)\s(?:den\s)?/u;
/**
 * A law named as it read before a date ("14 kap. 3 § SoL i dess lydelse före den 1 juli 2025" in an October 2025
 * document): where the law read at the document's date did not yet apply the day before, the law it replaced that
 * applied then; else undefined (the law itself, in an older wording, or no such phrase after `end`).
 */
function versionBeforeReading(p: string, end: number, law: ResolvedLaw, registry: LawRegistry, abbr?: string): ResolvedLaw | undefined {
  if (!law.info || !(p.startsWith(' i ', end) || p.startsWith(', i ', end))) return undefined;
  const m = VERSION_BEFORE.exec(p.slice(end, end + 40));
  const date = m ? findDates(p.slice(end + m[0].length, end + m[0].length + 20))[0] : undefined;
  if (!m || date?.start !== 0) return undefined;
  const dayBefore = new Date(Date.parse(`${date.iso}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
  if (registry.inForceAt(law.info, dayBefore)) return undefined;
  for (const x of registry.predecessors(law.sfs)) if (registry.inForceAt(x.law, dayBefore)) return toResolved(x.law, abbr);
  return undefined;
}
/** NEW_BEFORE in the 6 characters before `start`: only tried when the letter before the space is an a. */
function newBefore(p: string, start: number): boolean {
  return (codeAt(p, start - 2) | 0x20) === 97 && NEW_BEFORE.test(p.slice(Math.max(0, start - 6), start));
}
/**
 * Words right before or after a citation that report the law's repeal or speak of it as the former
 * law ("Den 1 augusti 2025 upphävdes lag (2007:459) …", "den tidigare socialtjänstlagen", "… (2001:453)
 * upphörde att gälla"), set it beside the law that replaced it ("… motsvarar 10 kap. 4 § i socialtjänstlagen
 * (2001:453)"), cite it as it read before a date ("i dess lydelse före den 1 juli 2025"), or name it by its year
 * ("2001 års socialtjänstlag"): citing a repealed law is then no mistake, and gets no repealed-law problem.
 */
const REPEAL_BEFORE = /(?:upph[äa]v\p{L}*|motsvara\p{L}*|upph[öo]r\p{L}*|ersatt\p{L}*|ers[äa]tt\p{L}*|tidigare|gamla|d[åa]varande|f[öo]rra|[äa]ldre)(?:\s+\p{L}+){0,2}\s*$/iu;
const REPEAL_AFTER = /^[\s,]*(?:\p{L}+\s+){0,2}(?:upph[äa]v|upph[öo]r|ersattes|ersatts|ers[äa]tts|g[äa]llde|lydelsen?\s(?:före|innan))/iu;
/** A law named by its year ("2001 års socialtjänstlag"): the former law, on purpose. */
const YEAR_NAMED = /(?:^|\s)(?:19|20)\d\d års \p{L}/u;
export function reportsRepeal(p: string, s: number, e: number): boolean {
  return REPEAL_BEFORE.test(p.slice(Math.max(0, s - 40), s)) || REPEAL_AFTER.test(p.slice(e, e + 40)) || YEAR_NAMED.test(p.slice(s, e)) || FORMER_START.test(p.slice(s, e));
}
/** A citation that holds the word that made it the former law ("tidigare SoL", "10 kap. 4 § i den äldre socialtjänstlagen"). */
const FORMER_START = new RegExp(String.raw`(?:^|\s)${FORMER_WORD}\s`, 'iu');

/** An abbreviation as a whole word (the known ones are found by one regex built from them). */
const ABBR_WORD = /^\p{Lu}\p{L}{0,8}$/u;
/** "FN:s ", "Förenta nationernas ", "Europarådets " right before a convention's name. */
const CONVENTION_OWNER = /(?<![\p{L}])(?:FN:s|Förenta nationernas|Europarådets)\s$/u;
/** "artikel 12 i ", "art. 3.1 enligt ", "artikel 3 " right before a name. */
const ART = String.raw`\d{1,3}(?:\.\d{1,2}){0,2}`;
/** Articles, one or a list: "artikel 3", "artikel 3 och 12", "artiklarna 2, 3, 6 och 12", "artikel 3 och artikel 12". */
const ARTICLES = String.raw`(?:[Aa]rtikel|[Aa]rtiklarna|[Aa]rt\.)\s?${ART}(?:(?:,\s?|\s(?:och|samt|eller)\s)(?:(?:[Aa]rtikel|[Aa]rt\.)\s?)?${ART})*`;
const ARTICLE_BEFORE_NAME = new RegExp(String.raw`(?<![\p{L}])${ARTICLES}(?:\s(?:i|enligt))?\s$`, 'u');
/** ", artikel 3", " artikel 3 och artikel 12" right after a convention's name ("Barnkonventionens artikel 12"). */
const ARTICLES_AFTER_NAME = new RegExp(String.raw`,?\s${ARTICLES}(?![\d\p{L}])`, 'uy');
/** One article after the name. */
const ARTICLE_AFTER_NAME = new RegExp(String.raw`,?\s(?:[Aa]rtikel|[Aa]rt\.)\s?${ART}(?![\d\p{L}])`, 'uy');
/** What says the articles before it belong to another act: " i ", " enligt ". */
const ARTICLES_OF_OTHER = /^\s(?:i|enligt)\s/;
/**
 * The abbreviation regex, and its abbreviations by codeHash (a list per hash) with the longest one's
 * length: a hit is told by the run of letters it ends, without the regex's match array.
 */
type AbbrFinder = { rx: RegExp; words: Map<number, string[]>; maxLength: number };
const abbrCache = new WeakMap<LawRegistry, AbbrFinder>();
let docAbbrCache: { registry: LawRegistry; key: string; finder: AbbrFinder } | undefined;

/** A regex for the abbreviations the registry knows plus those the document has defined. */
function abbreviationFinder(registry: LawRegistry, state: DocState): AbbrFinder {
  const own = [...state.abbrs.keys()].filter((a) => ABBR_WORD.test(a) && !registry.abbreviation(a));
  const build = (list: string[]) => {
    const alts = [...new Set(list)].filter((a) => ABBR_WORD.test(a)).sort((a, b) => b.length - a.length || (a < b ? -1 : 1));
    // The start of the word (no letter or digit before it) is checked by the caller: a match inside a
    // word ends where that word does, so skipping it skips no match, and the regex can scan for the words' letters.
    const rx = new RegExp(`(?:${alts.map((a) => a.replace(/[\\^$.*+?()[\]{}|/]/g, '\\$&')).join('|') || '(?!)'})(?![\\p{L}\\d])`, 'gu');
    const words = new Map<number, string[]>();
    let maxLength = 0;
    for (const a of alts) {
      const h = codeHash(a, 0, a.length);
      const same = words.get(h);
      if (same) same.push(a);
      else words.set(h, [a]);
      maxLength = Math.max(maxLength, a.length);
    }
    return { rx, words, maxLength };
  };
  if (!own.length) {
    let finder = abbrCache.get(registry);
    if (!finder) {
      finder = build(registry.abbreviationKeys());
      abbrCache.set(registry, finder);
    }
    return finder;
  }
  const key = own.sort().join('|');
  if (docAbbrCache?.key !== key || docAbbrCache.registry !== registry) docAbbrCache = { registry, key, finder: build([...registry.abbreviationKeys(), ...own]) };
  return docAbbrCache.finder;
}
/**
 * The abbreviation a hit of the finder's regex ending at `e` is, if it is a whole word (no letter or
 * digit before it); else undefined. The hit is letters only and ends where its run of letters does
 * (the regex's look-ahead), so it starts at or after the run's start: after it, a letter precedes it;
 * at it exactly when the whole run is an abbreviation (a hit there is the leftmost one: the previous
 * hit ended before a non-letter, so before the run). The run is found backwards and looked up by
 * its hash, compared in place (no slice).
 */
function abbreviationEndingAt(p: string, e: number, finder: AbbrFinder): string | undefined {
  let s = e;
  for (let n = letterBefore(p, s, 0); n > 0; n = letterBefore(p, s, 0)) {
    s -= n;
    if (e - s > finder.maxLength) return undefined;
  }
  if (s > 0 && isDigitCode(p.charCodeAt(s - 1))) return undefined;
  const same = finder.words.get(codeHash(p, s, e));
  if (same === undefined) return undefined;
  for (let k = 0; k < same.length; k++) if (same[k].length === e - s && p.startsWith(same[k], s)) return same[k];
  return undefined;
}
const DEFINITION = /(?:,\s?|\s?\(\s?)(?:nedan\s|härefter\s|förkortad\s)?(\p{Lu}[\p{L}]{0,8})(\)?)(?![\p{L}\d-])/uy;
const TAIL_WORD = /\s(\p{L}[\p{L}\d.:-]*)/uy;
/** "(LVU)" right after a title. */
const ABBR_IN_PARENS = /\s?\((\p{Lu}\p{L}{1,8})\)/uy;
/**
 * What readTitleTail looks for after the title's words: nothing, what follows a known name's title
 * ('known'), or also what follows the words of a title the registry does not know, after a generic
 * word ('unknown': "lagen om bostadsanpassningsbidrag (2018:222)").
 */
type TailAfter = 'none' | 'known' | 'unknown';
/**
 * readTitleTail's result: the name's key when the words make a known name, the words, where the
 * mention ends; and from what follows the words, the SFS number or the law read from an abbreviation,
 * with the key the whole phrase is bound by.
 */
interface TitleTail {
  key: string | undefined;
  text: string;
  end: number;
  sfs?: string;
  law?: ResolvedLaw;
  phraseKey?: string;
}
const CUES = new Set(['enligt', 'enl', 'i', 'jfr', 'av', 'och', 'samt', 'eller', 'till', 'under', 'se', 'mot', 'med', 'om', 'fran', 'ur', 'inom', 'vid', 'ny', 'nya', 'lagen', 'stod', 'sasom', 'se']);
/**
 * Abbreviations that are also other things in council documents: a citation only after a cue, in a list of laws,
 * or when the document defined or named them (ÄB is an äldreboende, AML anti-money laundering, DSL broadband,
 * LUF and LSU youth organisations, LEK a consultancy).
 */
const WEAK_ABBR = new Set(['SO', 'AL', 'MB', 'BK', 'RO', 'PL', 'DL', 'TF', 'RF', 'RB', 'FB', 'ÄB', 'AML', 'DSL', 'LUF', 'LSU', 'LEK']);

/**
 * Is the word before an abbreviation a cue ("enligt SoL", "i LVU")? The word as /(\p{L}+)\.?\s?\(?$/u
 * finds it in the 20 characters before `s`: letters, then an optional ".", whitespace and "("
 * (scanned backwards, no slice). Folding never shortens a word and the longest cue has 6 letters,
 * so the scan stops at 7.
 */
/** Cues that join words of any kind ("och DSL", "med AML"): not enough for an abbreviation that is also other things. */
const JOINING_CUES = new Set(['och', 'samt', 'eller', 'med', 'om', 'till', 'mot', 'fran', 'ur', 'vid', 'under', 'inom']);
function cueBefore(p: string, s: number, strong = false): boolean {
  const from = Math.max(0, s - 20);
  let e = s;
  if (e > from && p.charCodeAt(e - 1) === 40) e -= 1;
  if (e > from && isSpaceAt(p, e - 1)) e -= 1;
  if (e > from && p.charCodeAt(e - 1) === 46) e -= 1;
  let b = e;
  for (;;) {
    const n = letterBefore(p, b, from);
    if (!n) break;
    b -= n;
    if (e - b > 6) return false;
  }
  if (b >= e) return false;
  const cue = foldName(p.slice(b, e));
  return CUES.has(cue) && !(strong && JOINING_CUES.has(cue));
}
const WHITESPACE = /\s/;
/** An upper-case word of two or more letters: a heading's word. */
const CAPITALS_WORD = /^\p{Lu}{2,}$/u;
/** Is the word before or after p[s, e) (across one space) written in capitals? (Its last or first letter is looked at first.) */
function inCapitals(p: string, s: number, e: number): boolean {
  if (s >= 3 && p.charCodeAt(s - 1) === 32 && mayBeCapital(p.charCodeAt(s - 2))) {
    let b = s - 2;
    while (b > 0 && isLetterAt(p, b - 1)) b -= 1;
    if (CAPITALS_WORD.test(p.slice(b, s - 1))) return true;
  }
  if (p.charCodeAt(e) !== 32 || !mayBeCapital(p.charCodeAt(e + 1))) return false;
  let a = e + 1;
  while (a < p.length && isLetterAt(p, a)) a += 1;
  return CAPITALS_WORD.test(p.slice(e + 1, a));
}
/**
 * Is the abbreviation at p[s, e) part of something else: an address ("www.kommun.se/LSS", "LSS@kommun.se"), a time or
 * a table row ("KL 18.00", "LSS 125 400"), or a name ("LUF Göteborg", "SFB Stadsfastigheter AB")?
 */
function otherThingAt(p: string, s: number, e: number): boolean {
  const before = codeAt(p, s - 1);
  const after = codeAt(p, e);
  if (before === 47 || before === 64 || before === 46 || after === 64 || after === 47 || (after === 46 && e + 1 < p.length && isLetterAt(p, e + 1))) return true;
  if (after !== 32) return false;
  const next = codeAt(p, e + 1);
  // (a number after it that is its SFS number is no table: "LVU 1990:52")
  if (next >= 48 && next <= 57) return !SFS_AFTER.test(p.slice(e + 1, e + 7));
  return (next >= 65 && next <= 90) || next === 0xc5 || next === 0xc4 || next === 0xd6;
}
const SFS_AFTER = /^(?:1[6-9]|20)\d\d:\d/;
/** Does a word that starts with a capital end at e ("Socialförvaltningen", "Lindqvist")? */
function capitalisedWordEndsAt(p: string, e: number): boolean {
  let b = e;
  while (b > 0 && isLetterAt(p, b - 1)) b -= 1;
  return b < e && CAPITAL.test(p.charAt(b));
}
/** A–Z, or a letter outside ASCII (which may be a capital). */
const mayBeCapital = (c: number): boolean => (c >= 65 && c <= 90) || c >= 0xc0;
/** Does p[i] match \s (ASCII by its code, the rest by regex)? False past the end. */
function isSpaceAt(p: string, i: number): boolean {
  const c = codeAt(p, i);
  if (c === 32 || (c >= 9 && c <= 13)) return true;
  return c >= 128 && WHITESPACE.test(p[i]);
}
/**
 * Does a title tail start at `we`: is TAIL_WORD's first word there at most 8 letters long (folding
 * never shortens a word; the longest tail start has 8) and a TAIL_START word when folded? The
 * space, and for ASCII letters the initial and the first two letters, are checked before the regex
 * runs (an ASCII letter folds to itself lower-cased).
 */
function startsTitleTail(p: string, we: number): boolean {
  if (!isSpaceAt(p, we)) return false;
  const c1 = codeAt(p, we + 1);
  if (c1 < 128) {
    if (!TAIL_INITIAL.has(c1 | 0x20)) return false;
    const c2 = codeAt(p, we + 2);
    if (((c2 >= 65 && c2 <= 90) || (c2 >= 97 && c2 <= 122)) && !TAIL_PAIRS.has(((c1 | 0x20) << 8) | (c2 | 0x20))) return false;
  }
  TAIL_WORD.lastIndex = we;
  const first = TAIL_WORD.exec(p);
  return first !== null && first[1].length <= 8 && TAIL_START.has(foldName(first[1]));
}
/** The word prefixes ("lagen om", "lagen om vard") of name forms with spaces. */
function wordPrefixes(keys: Iterable<string>): Set<string> {
  const set = new Set<string>();
  for (const key of keys) for (let i = key.indexOf(' '); i >= 0; i = key.indexOf(' ', i + 1)) set.add(key.slice(0, i));
  return set;
}
const registryPrefixCache = new WeakMap<LawRegistry, { count: number; set: Set<string> }>();
/** wordPrefixes of the registry's name forms (rebuilt when it learns names). */
function namePrefixes(registry: LawRegistry): Set<string> {
  const hit = registryPrefixCache.get(registry);
  if (hit && hit.count === registry.nameCount) return hit.set;
  const set = wordPrefixes(registry.nameKeys());
  registryPrefixCache.set(registry, { count: registry.nameCount, set });
  return set;
}
const statePrefixCache = new WeakMap<DocState, { size: number; set: Set<string> }>();
/** wordPrefixes of the document's own name bindings: they only grow, so the same size means the same names. */
function stateNamePrefixes(state: DocState): Set<string> {
  const hit = statePrefixCache.get(state);
  if (hit && hit.size === state.names.size) return hit.set;
  const set = wordPrefixes(state.names.keys());
  statePrefixCache.set(state, { size: state.names.size, set });
  return set;
}
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

type AbbrReading = { law: ResolvedLaw; alsoMeans: LawInfo[] | undefined } | null;
/**
 * The registry's reading of an abbreviation at a date: its law then, and the other laws it may mean.
 * (A plain loop: array callbacks here, run once per abbreviation and document, made the optimised
 * findMentions bail out again and again.)
 */
function readAbbreviation(registry: LawRegistry, abbr: string, date: string, newest = false): AbbrReading {
  const entry = registry.abbreviation(abbr);
  const info = entry ? registry.pickAt(entry.primary, date, newest) : undefined;
  if (!entry || !info) return null;
  const alt: LawInfo[] = [];
  for (const sfs of entry.secondary) {
    // (only a law that applied at the date: FL was also förköpslagen, but only until 2010)
    const other = registry.get(sfs);
    if (other !== undefined && registry.inForceAt(other, date)) alt.push(other);
  }
  return { law: toResolved(info, abbr), alsoMeans: alt.length ? alt : undefined };
}
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
const stateAbbrCache = new WeakMap<DocState, { registry: LawRegistry; size: number; finder: AbbrFinder }>();
function stateAbbreviationFinder(registry: LawRegistry, state: DocState): AbbrFinder {
  const hit = stateAbbrCache.get(state);
  if (hit && hit.registry === registry && hit.size === state.abbrs.size) return hit.finder;
  const finder = abbreviationFinder(registry, state);
  stateAbbrCache.set(state, { registry, size: state.abbrs.size, finder });
  return finder;
}
const ENDS_CLAUSE = /[.:]$/;
const TRAILING_STOPS = /[.:]+$/;
const ABBREVIATED = /^(?:m\.?fl|m\.?m|bl\.?a)\.?$/i;
const CAPITAL = /\p{Lu}/u;
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
  /** The name candidates of the whole text the paragraphs are read from (findNameHits). */
  nameHits: NameHits;
  /** The registry's abbreviations in that text (findAbbreviationHits). */
  abbrHits: AbbrHits;
  /** Where the paragraph starts in that text. */
  from: number;
}

/** The ends of a regex's hits in a whole text, in order, and the first not yet read (paragraphs read them in order). */
export interface Hits {
  ends: number[];
  next: number;
}

/**
 * The hits of the name-candidate regex in a whole text (one scan of the text instead of one per paragraph: a
 * hit holds no space, so each lies inside one paragraph, and a paragraph's hits are the ones a scan of the
 * paragraph alone finds).
 */
export interface NameHits extends Hits {
  /** Each hit's word is read back from its end (see Candidates): no starts kept. */
  wordOnly: boolean;
  starts: number[];
}

/**
 * The hits of the registry's abbreviation regex in a whole text (as NameHits: a hit is letters only). Used
 * while a document has defined no abbreviation of its own (`finder` is then its finder).
 */
export interface AbbrHits extends Hits {
  finder: AbbrFinder;
}

/** The ends of the hits of the global regex `rx` in `text` (test makes no match array). */
function hitEnds(rx: RegExp, text: string): number[] {
  const ends: number[] = [];
  rx.lastIndex = 0;
  while (rx.test(text)) ends.push(rx.lastIndex);
  return ends;
}

/** The index of the first hit that ends in (from, to]; `hits.next` moves past the last one. */
function takeHits(hits: Hits, from: number, to: number): number {
  let h = hits.next;
  while (h < hits.ends.length && hits.ends[h] <= from) h += 1;
  const first = h;
  while (h < hits.ends.length && hits.ends[h] <= to) h += 1;
  hits.next = h;
  return first;
}

export function findAbbreviationHits(text: string, registry: LawRegistry): AbbrHits {
  const finder = abbreviationFinder(registry, newDocState());
  return { finder, ends: hitEnds(finder.rx, text), next: 0 };
}

export function findNameHits(text: string, registry: LawRegistry): NameHits {
  const { rx, wordOnly } = nameCandidates(registry);
  // (the word is read back from the hit's end: its start is not needed)
  if (wordOnly) return { wordOnly, starts: [], ends: hitEnds(rx, text), next: 0 };
  const starts: number[] = [];
  const ends: number[] = [];
  rx.lastIndex = 0;
  for (let m = rx.exec(text); m; m = rx.exec(text)) {
    starts.push(m.index);
    ends.push(m.index + m[0].length);
  }
  return { wordOnly, starts, ends, next: 0 };
}

/**
 * Keys made by sfsKey for a 4-digit year and a number below 100,000, by year · 100,000 + number: the
 * same key string comes back each time (no concatenation, and its hash is kept for the look-ups).
 */
const sfsKeys = new Map<number, string>();
/** "2001", "0453" → "2001:453": the number without leading zeros or a thousands space ("1 234"). */
function sfsKey(year: string, num: string): string {
  let n = 0;
  for (let i = 0; i < num.length; i++) {
    const d = num.charCodeAt(i) - 48;
    if (d >= 0 && d <= 9) n = n * 10 + d;
  }
  // Every caller's year is 4 digits; anything else is keyed afresh.
  if (year.length !== 4) return `${year}:${n}`;
  return sfsKeyAt(year, 0, n);
}
/** sfsKey of the 4-digit year at y[ys] and the number n (cached while n < 100,000). */
function sfsKeyAt(y: string, ys: number, n: number): string {
  let year = 0;
  for (let i = ys; i < ys + 4; i++) {
    const d = y.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return `${y.slice(ys, ys + 4)}:${n}`;
    year = year * 10 + d;
  }
  if (n >= 100_000) return `${y.slice(ys, ys + 4)}:${n}`;
  const code = year * 100_000 + n;
  let key = sfsKeys.get(code);
  if (key === undefined) {
    key = `${y.slice(ys, ys + 4)}:${n}`;
    if (sfsKeys.size >= 20_000) sfsKeys.clear();
    sfsKeys.set(code, key);
  }
  return key;
}
/**
 * sfsKey of the groups of an SFS_PAREN match at p[from, to), read in place: the year is its first 4
 * digits (only "(", "SFS" and whitespace come before); the number is the digits after the ":" and its
 * one optional whitespace, and, when a space and a digit follow them, the 3 digits after the space
 * (the regex takes " ddd" whenever it is there; "s." and a page never start with a digit).
 */
function sfsParenKey(p: string, from: number, to: number): string {
  let i = from;
  while (!isDigitCode(p.charCodeAt(i))) i++;
  const ys = i;
  i = p.indexOf(':', ys + 4) + 1;
  if (!isDigitCode(p.charCodeAt(i))) i++;
  let n = 0;
  for (; i < to && isDigitCode(p.charCodeAt(i)); i++) n = n * 10 + p.charCodeAt(i) - 48;
  if (p.charCodeAt(i) === 32 && isDigitCode(p.charCodeAt(i + 1))) for (i++; i < to && isDigitCode(p.charCodeAt(i)); i++) n = n * 10 + p.charCodeAt(i) - 48;
  return sfsKeyAt(p, ys, n);
}
const isDigitCode = (c: number): boolean => c >= 48 && c <= 57;

function resolveSfs(registry: LawRegistry, sfs: string, fallbackTitle: string): ResolvedLaw {
  const info = registry.get(sfs);
  if (info) return toResolved(info);
  return { sfs, title: fallbackTitle || `SFS ${sfs}` };
}

/** Whether [s, e) overlaps one of the first `count` mentions (in order, not overlapping): binary search. */
function overlapsNamed(named: readonly Mention[], count: number, s: number, e: number): boolean {
  let lo = 0;
  let hi = count;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (named[mid].e <= s) lo = mid + 1;
    else hi = mid;
  }
  return lo < count && named[lo].s < e;
}

/** Does a mention of a law end at `at`: the last one found, or a name among out[0, named) (in order, not overlapping)? */
function lawMentionEndsAt(out: readonly Mention[], named: number, at: number): boolean {
  const last = out.length ? out[out.length - 1] : undefined;
  if (last !== undefined && last.e === at) return last.law !== undefined;
  let lo = 0;
  let hi = named;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (out[mid].e < at) lo = mid + 1;
    else hi = mid;
  }
  return lo < named && out[lo].e === at && out[lo].law !== undefined;
}

/**
 * Sorts a short list by start, stably (as Array.prototype.sort does) and without a comparator
 * closure; out[0, from) is already in order.
 */
function insertionSortByStart(out: Mention[], from: number): void {
  for (let i = from; i < out.length; i++) {
    const m = out[i];
    let j = i;
    for (; j > 0 && out[j - 1].s > m.s; j--) out[j] = out[j - 1];
    out[j] = m;
  }
}

/**
 * Finds the law mentions of one paragraph, in order, resolving them and updating the document state. The
 * paragraphs of a text come in order (`ctx.from` grows): its name and abbreviation hits are read on from the
 * last paragraph's.
 */
export function findMentions(p: string, ctx: MentionContext): Mention[] {
  // (one function per kind of mention: small functions are optimised quickly and on their own)
  const out: Mention[] = [];
  const notes: [number, number][] = [];
  findNames(p, ctx, out, notes);
  // Names are found in order: overlap checks by binary search in out[0, named).
  const named = out.length;
  findSfsNumbers(p, ctx.registry, out, named, notes);
  findAbbreviations(p, ctx, out, named);
  // (a stable sort leaves an ordered list as it is; names alone or abbreviations alone come ordered)
  for (let i = 1; i < out.length; i++) {
    if (out[i - 1].s > out[i].s) {
      if (out.length > 32) out.sort((a, b) => a.s - b.s);
      else insertionSortByStart(out, i);
      break;
    }
  }
  return out;
}

/**
 * Names and "lag (SFS)": only words that can be a name form (a law suffix or a known name
 * without one) are looked at; the word is then the whole run of letters around the hit.
 * Amendment notes go to `notes`.
 */
function findNames(p: string, ctx: MentionContext, out: Mention[], notes: [number, number][]): void {
  const { registry, state, nameHits, from } = ctx;
  const words = wordMemo(registry);
  const { wordOnly, starts, ends } = nameHits;
  const first = takeHits(nameHits, from, from + p.length);
  let prevWordStart = -1;
  for (let h = first; h < nameHits.next; h++) {
    // The hit's end; its word is scanned back from its start, or from its end when that is the same (wordOnly).
    const we0 = ends[h] - from;
    let ws = wordOnly ? we0 : starts[h] - from;
    while (ws > 0 && isWordCode(p.charCodeAt(ws - 1), p, ws - 1)) ws -= 1;
    while (ws < we0 && !isLetterAt(p, ws)) ws += 1;
    if (ws >= we0 || ws === prevWordStart) continue;
    prevWordStart = ws;
    let we = we0;
    // Name forms end in -n/-s (definite, possessive), -g/-k/-a (lag, balk, förordning, stadga).
    // (the last letter lower-cased; ASCII by its code, other letters as the lower-cased word ends)
    const lastCode = p.charCodeAt(we0 - 1);
    const last = lastCode < 128 ? (lastCode >= 65 && lastCode <= 90 ? lastCode + 32 : lastCode) : lowerLastCode(p.slice(ws, we0));
    if (last !== 110 && last !== 115 && last !== 103 && last !== 107 && last !== 97) continue;
    const word = p.slice(ws, we0);
    const info = wordInfo(words, registry, word);
    const folded = info.folded;
    if (!info.nameLike && !state.names.has(folded)) continue;
    let start = ws;
    let key = folded;
    let generic = info.generic;
    // A word broken at a line end that came out as "- " ("socialtjänst- lagen"): the letters before it join the word.
    let cs = ws;
    let cword = word;
    if (ws >= 3 && p.charCodeAt(ws - 1) === 32 && p.charCodeAt(ws - 2) === 45 && isLetterAt(p, ws - 3)) {
      let s0 = ws - 3;
      while (s0 > 0 && isLetterAt(p, s0 - 1)) s0 -= 1;
      cs = s0;
      cword = p.slice(s0, ws - 2) + word;
      const k2 = foldName(cword);
      if (registry.isName(k2) || state.names.has(k2)) {
        start = s0;
        key = k2;
        generic = false;
      }
    }
    if (!generic || cs < ws) {
      // (COMPOUND_BEFORE ends in "- och " or "- eller ")
      const sp = cs >= 6 && p.charCodeAt(cs - 1) === 32 ? p.charCodeAt(cs - 2) : 0; // "h" of "och ", "r" of "eller "
      const before = sp === 104 || sp === 114 ? compoundBefore(p, cs) : undefined;
      if (before) {
        const k2 = foldName(before + cword);
        if (registry.isName(k2) || state.names.has(k2)) {
          start = cs - before.length;
          key = k2;
          generic = false;
        }
      }
    }
    // Explicit SFS number (SFS_PAREN starts with "(" or a space and "(").
    let sfs: string | undefined;
    if (codeAt(p, we) === 40 || codeAt(p, we + 1) === 40) {
      SFS_PAREN.lastIndex = we;
      if (SFS_PAREN.test(p)) {
        sfs = sfsParenKey(p, we, SFS_PAREN.lastIndex);
        we = SFS_PAREN.lastIndex;
      }
    }
    // A year before the name picks the law of that year, as a number would: "2001 års socialtjänstlag".
    if (sfs === undefined && start >= 9 && codeAt(p, start - 1) === 32 && (codeAt(p, start - 2) | 0x20) === 115) {
      const y = YEAR_BEFORE.exec(p.slice(Math.max(0, start - 12), start));
      const laws = y ? (registry.lawsNamed(key) ?? registry.lawsNamed(`${key}en`)) : undefined;
      const hit = y && laws ? laws.find((x) => x.startsWith(`${y[1]}:`)) : undefined;
      if (y && hit) {
        sfs = hit;
        start -= y[0].trimStart().length;
      }
    }
    // Title tail ("lagen (1990:52) med särskilda bestämmelser om vård av unga"), and an SFS number or
    // abbreviation after it ("lagen om offentlig upphandling (2016:1145)").
    let tailKey: string | undefined;
    let tailText = '';
    let tail: TitleTail | undefined;
    if (startsTitleTail(p, we)) {
      tail = readTitleTail(p, we, folded, ctx, sfs !== undefined && generic, sfs !== undefined && generic ? registry.get(sfs)?.title : undefined, sfs !== undefined ? 'none' : generic ? 'unknown' : 'known');
      tailKey = tail.key;
      tailText = tail.text;
      we = tail.end;
      if (tail.sfs) sfs = tail.sfs;
    }
    let law: ResolvedLaw | undefined;
    const nameKey = tailKey ?? tail?.phraseKey ?? (generic ? undefined : key);
    if (tail?.law) {
      law = tail.law;
      state.names.set(tail.phraseKey as string, law);
      state.abbrs.set(law.abbreviation as string, law);
    } else if (sfs) {
      const info = registry.get(sfs);
      law = info ? toResolved(info) : { sfs, title: titleFromText(word, tailKey ? tailText : generic ? tailText : '') || `SFS ${sfs}` };
      // (not a law repealed by the document's date cited as the former law: "… har ersatt
      // socialtjänstlagen (2001:453)" binds nothing)
      const former = info !== undefined && registry.repealedBy(info, ctx.date) && reportsRepeal(p, start, we);
      if (nameKey && !former) {
        state.names.set(nameKey, law);
        // Bind the canonical spelling too when the text has OCR damage ("socialtjianstlagen").
        const canonical = registry.isName(nameKey) ? undefined : registry.fuzzyName(nameKey);
        if (canonical) state.names.set(canonical, law);
      }
      // The law's abbreviation means it too, as its name now does ("Socialtjänstlagen (2025:400) gäller … 11 kap. 1 §
      // SoL"), unless the document has given the abbreviation a meaning of its own.
      // (only a law in force at the date: a law named in a sentence about the past, "fanns redan i kommunallagen
      // (1991:900)", or one not yet in force, does not change what the abbreviation means today)
      const abbr = info?.abbreviation;
      if (abbr && !former && !state.abbrs.has(abbr) && registry.inForceAt(info, ctx.date)) state.abbrs.set(abbr, toResolved(info, abbr));
    } else if (nameKey) {
      law = nameKey === folded ? resolveName(ctx, folded, info.stem, generic, info.unknown, p, start) : resolveName(ctx, nameKey, stemOf(nameKey), generic, false, p, start);
    }
    if (!law) continue;
    // An amendment note ("… Lag (1997:289)." closing a quoted section): names the amending act, not a reference.
    if (sfs && generic && !tailKey && !tail?.sfs && AMENDMENT_NOTE_AFTER.test(p.slice(we, we + 3)) && /^[LF]/.test(word) && SENTENCE_START.test(p.slice(Math.max(0, ws - 3), ws))) {
      notes.push([ws, we]);
      continue;
    }
    // A definition: "socialtjänstlagen (2001:453), SoL" / "socialtjänstlagen (SoL)".
    // (DEFINITION starts with ",", "(" or a space and "(")
    const d0 = codeAt(p, we);
    if (d0 === 44 || d0 === 40 || codeAt(p, we + 1) === 40) {
      const defined = definitionAt(p, we, law, registry, state);
      if (defined) {
        we = defined.end;
        if (!law.abbreviation && defined.abbr) law = { ...law, abbreviation: defined.abbr };
      }
    }
    // The owner of a convention is part of its name: "FN:s konvention om barnets rättigheter".
    if (start >= 5 && folded.includes('konvention')) {
      const m = CONVENTION_OWNER.exec(p.slice(Math.max(0, start - 21), start));
      if (m) start -= m[0].length;
    }
    // The articles of a convention made law ("artikel 12 i barnkonventionen", "artiklarna 3 och 12 i …",
    // "Barnkonventionens artikel 3 och artikel 12"): the citation covers them (no target: the contract's
    // targets have no article).
    if (law.info?.sections?.has('Bilaga') || folded.includes('konvention')) {
      const m = start > 0 ? ARTICLE_BEFORE_NAME.exec(p.slice(Math.max(0, start - 80), start)) : null;
      if (m) start -= m[0].length;
      else {
        // (a list only when no other act follows it: "barnkonventionen artikel 12 och artikel 5 i förvaltningslagen")
        ARTICLES_AFTER_NAME.lastIndex = we;
        if (ARTICLES_AFTER_NAME.test(p) && !ARTICLES_OF_OTHER.test(p.slice(ARTICLES_AFTER_NAME.lastIndex, ARTICLES_AFTER_NAME.lastIndex + 9))) we = ARTICLES_AFTER_NAME.lastIndex;
        else {
          ARTICLE_AFTER_NAME.lastIndex = we;
          if (ARTICLE_AFTER_NAME.test(p)) we = ARTICLE_AFTER_NAME.lastIndex;
        }
      }
    }
    // "nya socialtjänstlagen": the word that picked the newest law is part of the citation.
    if (!sfs && !tail?.law && newBefore(p, start)) start -= 4;
    else if (!sfs && !tail?.law) {
      // "den äldre socialtjänstlagen" in a 2025 document: the law it replaced, the word part of the citation
      const former = formerReading(p, start, law, registry);
      if (former) ({ law, start } = former);
      else law = versionBeforeReading(p, we, law, registry) ?? law;
    }
    out.push({ s: start, e: we, kind: sfs ? 'sfs' : 'name', law, standalone: true });
  }
}

/** The indefinite form of a generic name word, as a law's title starts ("lagen" → "lag"). */
const INDEFINITE: Record<string, string> = { lag: 'lag', lagen: 'lag', forordning: 'forordning', forordningen: 'forordning', kungorelse: 'kungorelse', kungorelsen: 'kungorelse', balk: 'balk', balken: 'balk' };

/**
 * The title tail after a name form, from `we` (where startsTitleTail holds): the longest run of up to
 * 24 words that makes the name a known one (its key, its words, where it ends); else, when
 * `wantWords` (a "lag (SFS)" whose tail names no known name form), up to 12 words as its title for
 * display, and the span reaches over them when they are the rest of `title`, the title the registry
 * has for that SFS number ("lag (2007:459) om strukturfondspartnerskap").
 */
function readTitleTail(p: string, we: number, folded: string, ctx: MentionContext, wantWords: boolean, title: string | undefined, after: TailAfter): TitleTail {
  const { registry, state } = ctx;
  // The phrase's folded key grows a word at a time: folding works word by word, so the
  // key of "word w1 w2" is the key of "word" plus " " and the key of each word. Once the key
  // is no word-prefix of a name form, only the words of an unknown law's title are still wanted.
  const prefixes = namePrefixes(registry);
  const statePrefixes = stateNamePrefixes(state);
  let key: string | undefined;
  let text = '';
  let end = we;
  let pos = we;
  let phrase: string | undefined = folded;
  const titleKey = title !== undefined ? foldName(title) : undefined;
  let titlePhrase: string | undefined = INDEFINITE[folded];
  let titleEnd = -1;
  const tail: string[] = [];
  for (let k = 0; k < 24; k++) {
    // A comma inside the title the registry has for the number, or inside a known name ("… för kommuner, regioner,
    // kommunalförbund och samordningsförbund"): read on.
    if (codeAt(p, pos) === 44) {
      const inTitle = titlePhrase !== undefined && titleKey !== undefined && titleKey.startsWith(`${titlePhrase}, `);
      const inName = phrase !== undefined && (prefixes.has(`${phrase},`) || statePrefixes.has(`${phrase},`));
      if (!inTitle && !inName) break;
      if (inTitle) titlePhrase = `${titlePhrase},`;
      if (phrase !== undefined) phrase = inName ? `${phrase},` : undefined;
      pos += 1;
    }
    TAIL_WORD.lastIndex = pos;
    const tw = TAIL_WORD.exec(p);
    if (!tw) break;
    // (a clause ends at a word's full stop or colon, but not at "m.m.", "m.fl.", "bl.a." unless a capital follows:
    // "… om fingeravtryck m.m. Om det behövs …")
    const stops = ENDS_CLAUSE.test(tw[1]);
    const abbreviated = stops && ABBREVIATED.test(tw[1]);
    const ends = stops && !abbreviated;
    const w = ends ? tw[1].replace(TRAILING_STOPS, '') : tw[1];
    tail.push(w);
    pos = tw.index + 1 + w.length;
    if (titleKey !== undefined && titlePhrase !== undefined) {
      titlePhrase = `${titlePhrase} ${foldName(w)}`;
      if (titlePhrase === titleKey) titleEnd = pos;
      else if (!titleKey.startsWith(`${titlePhrase} `) && !titleKey.startsWith(`${titlePhrase}, `)) titlePhrase = undefined;
    }
    if (phrase !== undefined) {
      const pk: string = `${phrase} ${foldName(w)}`;
      if (registry.isName(pk) || state.names.has(pk)) {
        key = pk;
        text = tail.join(' ');
        end = pos;
      }
      phrase = prefixes.has(pk) || statePrefixes.has(pk) || (codeAt(p, pos) === 44 && (prefixes.has(`${pk},`) || statePrefixes.has(`${pk},`))) ? pk : undefined;
      if (phrase === undefined && (key !== undefined || !(wantWords || after === 'unknown'))) break;
    }
    if (ends || (abbreviated && isSpaceAt(p, pos) && CAPITAL.test(p.charAt(pos + 1)))) break;
  }
  // Unknown law: keep its title from the text for display; the span stays "lagen (SFS)" unless the
  // words are the rest of the law's title, or the document defines a name for them right after
  // ("lagen (2009:724) om nationella minoriteter och minoritetsspråk (minoritetslagen)", "… m.fl. (LMA)").
  if (!key && wantWords) {
    text = tail.slice(0, 12).join(' ');
    if (titleEnd >= 0) end = titleEnd;
    else if (pos > we && definesNameAt(p, pos, registry, tail.join(' '))) {
      text = tail.join(' ');
      end = pos;
    }
  }
  if (after !== 'none' && (key !== undefined || (after === 'unknown' && pos > we))) {
    // The number after the title wins, as it does right after the name: "lagen om offentlig
    // upphandling (2016:1145)", "Lagen om kommunal redovisning (2018:597)".
    const at = key !== undefined ? end : pos;
    SFS_PAREN.lastIndex = at;
    if (SFS_PAREN.test(p)) {
      const words = key !== undefined ? text : tail.join(' ');
      return { key, text: words, end: SFS_PAREN.lastIndex, sfs: sfsParenKey(p, at, SFS_PAREN.lastIndex), phraseKey: key ?? `${folded} ${tail.map(foldName).join(' ')}` };
    }
    // A title the registry does not know, with the abbreviation of a law whose title holds it: "lagen om vård av unga (LVU)".
    if (key === undefined) {
      ABBR_IN_PARENS.lastIndex = pos;
      const am = ABBR_IN_PARENS.exec(p);
      const reading = am ? readAbbreviation(registry, am[1], ctx.date) : null;
      const phraseKey = `${folded} ${tail.map(foldName).join(' ')}`;
      const titleWords = phraseKey.slice(phraseKey.indexOf(' '));
      if (am && reading && ` ${foldName(reading.law.title)} `.includes(`${titleWords} `)) {
        return { key, text: tail.join(' '), end: ABBR_IN_PARENS.lastIndex, law: reading.law, phraseKey };
      }
    }
  }
  return { key, text, end };
}

/**
 * A definition of an abbreviation at `we`, after a mention of `law`: "…, SoL" / "… (SoL)", for the
 * same law or something that looks like an abbreviation (two capitals). Binds it in the document
 * state; returns it and where the definition ends.
 */
function definitionAt(p: string, we: number, law: ResolvedLaw, registry: LawRegistry, state: DocState): { abbr?: string; end: number } | undefined {
  DEFINITION.lastIndex = we;
  const dm = DEFINITION.exec(p);
  if (!dm) return shortNameAt(p, we, law, registry, state);
  const abbr = dm[1];
  const paren = dm[0].includes('(');
  const known = registry.abbreviation(abbr);
  const sameLaw = known ? known.primary.includes(law.sfs) || known.secondary.includes(law.sfs) : false;
  const looksAbbr = !known && (abbr.match(/\p{Lu}/gu)?.length ?? 0) >= 2;
  if ((paren && dm[2] !== ')') || !(sameLaw || looksAbbr)) return undefined;
  state.abbrs.set(abbr, { ...law, abbreviation: abbr });
  return { abbr, end: DEFINITION.lastIndex };
}

/** A short name given after a law in lower case: "(minoritetslagen)", ", vattentjänstlagen,". */
const SHORT_NAME = /(?:,\s?|\s?\(\s?)(?:nedan\s|härefter\s|kallad\s)?(\p{Ll}[\p{L}-]{2,40})(?:(\))|(?=[,.;]|\s(?!\()))/uy;
/**
 * A short name the document gives the law it has just named, when the registry knows no law by it
 * (", skollagen" after a law is the next law of a list): binds it for the rest of the document.
 */
function shortNameAt(p: string, we: number, law: ResolvedLaw, registry: LawRegistry, state: DocState): { end: number } | undefined {
  SHORT_NAME.lastIndex = we;
  const m = SHORT_NAME.exec(p);
  if (!m || (m[0].includes('(') && !m[2])) return undefined;
  const key = foldName(m[1]);
  if (!isShortNameOf(key, law.title) || registry.isName(key) || registry.fuzzyName(key) !== undefined) return undefined;
  state.names.set(key, law);
  return { end: SHORT_NAME.lastIndex };
}

/**
 * Is there a name defined in parentheses at `at`: an abbreviation ("(LMA)": one the registry knows, or two
 * capitals) or a short name ("(minoritetslagen)")? (What definitionAt and shortNameAt then bind.)
 */
function definesNameAt(p: string, at: number, registry: LawRegistry, title: string): boolean {
  DEFINITION.lastIndex = at;
  const dm = DEFINITION.exec(p);
  if (dm) return dm[0].includes('(') && dm[2] === ')' && (registry.abbreviation(dm[1]) !== undefined || (dm[1].match(/\p{Lu}/gu)?.length ?? 0) >= 2);
  SHORT_NAME.lastIndex = at;
  const sm = SHORT_NAME.exec(p);
  return sm !== null && sm[2] !== undefined && isShortNameOf(foldName(sm[1]), title);
}
/**
 * Is the folded word a short name of the law titled `title`: a law name form whose first part begins as a word
 * of the title does ("minoritetslagen" for "Lag om nationella minoriteter …", "vattentjänstlagen" for "Lag om
 * allmänna vattentjänster"; not "avtalslagen", the next law of a list, after "Lag om offentlig upphandling")?
 */
function isShortNameOf(key: string, title: string): boolean {
  if (!hasLawSuffix(key) || GENERIC.has(key)) return false;
  const stem = key.slice(0, 5);
  return stem.length === 5 && ` ${foldName(title)}`.includes(` ${stem}`);
}

/** SFS numbers outside names: bare "SFS 2022:1224", and "(1982:713)" in a clause about a law. */
function findSfsNumbers(p: string, registry: LawRegistry, out: Mention[], named: number, notes: [number, number][]): void {
  // Bare "SFS 2022:1224".
  // (exec loops on the shared global regexes: matchAll would copy the regex for every paragraph)
  if (p.includes('SFS')) {
    SFS_BARE.lastIndex = 0;
    for (let m = SFS_BARE.exec(p); m; m = SFS_BARE.exec(p)) {
      if (overlapsNamed(out, named, m.index, m.index + m[0].length)) continue;
      out.push({ s: m.index, e: m.index + m[0].length, kind: 'sfs', law: resolveSfs(registry, sfsKey(m[1], m[2]), ''), standalone: true });
    }
  }

  // A bare SFS number in parentheses in a clause about a law: "en lag som finns: (1982:713)".
  if (p.includes(':')) {
    LOOSE_SFS.lastIndex = 0;
    // (most hits are a name's own number: they are dropped before a match array is made)
    while (LOOSE_SFS.test(p)) {
      const end = LOOSE_SFS.lastIndex;
      // The hit's start: its only "(" (inside it are only spaces, digits and ":").
      const at = p.lastIndexOf('(', end - 1);
      if (overlapsNamed(out, named, at, end)) continue;
      LOOSE_SFS_AT.lastIndex = at;
      const m = LOOSE_SFS_AT.exec(p);
      if (m === null) continue;
      const s = m.index + 1 + (m[1].length - m[1].trimStart().length);
      const e = s + m[1].trim().length;
      if (out.some((o) => o.s < e && s < o.e) || notes.some(([a, b]) => a < e && s < b)) continue;
      const before = p.slice(Math.max(0, m.index - 50), m.index);
      if (!LAW_BEFORE.test(before) || SERIES_BEFORE.test(before)) continue;
      out.push({ s, e, kind: 'sfs', law: resolveSfs(registry, sfsKey(m[2], m[3]), ''), standalone: true });
    }
  }
}

/** Scratch of findAbbreviations: the ends of a paragraph's hits. */
const abbrEnds: number[] = [];

/** Abbreviations the registry or the document knows, outside the first `named` mentions. */
function findAbbreviations(p: string, ctx: MentionContext, out: Mention[], named: number): void {
  const { registry, date, state } = ctx;
  const finder = stateAbbreviationFinder(registry, state);
  const abbrReadings = abbreviationReadings(registry, date, state);
  // The hits' ends in the paragraph: from the scan of the whole text while the document has defined no
  // abbreviation of its own, else from a scan of the paragraph with its finder.
  const hits = ctx.abbrHits;
  const ends = abbrEnds;
  let count = 0;
  if (finder === hits.finder) {
    for (let h = takeHits(hits, ctx.from, ctx.from + p.length); h < hits.next; h++) ends[count++] = hits.ends[h] - ctx.from;
  } else {
    finder.rx.lastIndex = 0;
    while (finder.rx.test(p)) ends[count++] = finder.rx.lastIndex;
  }
  for (let k = 0; k < count; k++) {
    const e = ends[k];
    // A whole word only: no letter or digit before it (the regex checks the end).
    const abbr = abbreviationEndingAt(p, e, finder);
    if (abbr === undefined) continue;
    const s = e - abbr.length;
    if (overlapsNamed(out, named, s, e)) continue;
    // An SFS number after it wins, and binds the abbreviation as a definition does: "4 kap. 1 § SoL (2001:453)".
    // (SFS_PAREN starts with "(" or a space and "(")
    if (codeAt(p, e) === 40 || codeAt(p, e + 1) === 40) {
      SFS_PAREN.lastIndex = e;
      if (SFS_PAREN.test(p)) {
        const end = SFS_PAREN.lastIndex;
        const sfs = sfsParenKey(p, e, end);
        const info = registry.get(sfs);
        const law: ResolvedLaw = info ? toResolved(info, abbr) : { sfs, title: `SFS ${sfs}`, abbreviation: abbr };
        state.abbrs.set(abbr, law);
        out.push({ s, e: end, kind: 'sfs', law, abbr, standalone: true });
        continue;
      }
    }
    let law = state.abbrs.get(abbr);
    const defined = law !== undefined;
    let alsoMeans: LawInfo[] | undefined;
    let newest = false;
    if (!law) {
      // The registry's reading of the abbreviation at this date (the same for the whole document), or
      // after "nya" the newest law it names ("nya SoL").
      newest = newBefore(p, s);
      let known = newest ? readAbbreviation(registry, abbr, date, true) : abbrReadings.get(abbr);
      if (known === undefined) {
        known = readAbbreviation(registry, abbr, date);
        abbrReadings.set(abbr, known);
      }
      if (!known) continue;
      law = known.law;
      alsoMeans = known.alsoMeans;
    }
    // A citation of its own unless it is one of the short ones that are also other things ("SO", "MB": then only
    // after a cue or in a list of laws, "enligt SoL, LVU, LVM och LSS"), part of a compound ("SoL-insatser"), or a
    // word of a heading in capitals ("LEK OCH RÖRELSE").
    // The document's own abbreviation for something else ("Socialförvaltningen (SoF)", "Karin Lindqvist (KL)") is
    // no law, there and later on its own.
    const paren = codeAt(p, s - 1) === 40 && codeAt(p, e) === 41;
    if (paren && !defined && s >= 3 && isLetterAt(p, s - 3) && capitalisedWordEndsAt(p, s - 2) && !lawMentionEndsAt(out, named, s - 2)) state.ownAbbrs.add(abbr);
    const weak = WEAK_ABBR.has(abbr);
    const standalone =
      codeAt(p, e) !== 45 &&
      (defined ||
        (!otherThingAt(p, s, e) &&
          (cueBefore(p, s, weak) ||
            (s >= 2 && p.charCodeAt(s - 1) === 32 && p.charCodeAt(s - 2) === 44 && lawMentionEndsAt(out, named, s - 2)) ||
            (!weak && !paren && !state.ownAbbrs.has(abbr) && !inCapitals(p, s, e)))));
    // ("nya" is part of the citation, as after a name; "tidigare SoL" is the law it replaced)
    let ms = newest ? s - 4 : s;
    const former = newest || defined ? undefined : formerReading(p, s, law, registry, abbr);
    if (former) ({ law, start: ms } = former);
    else if (!newest) law = versionBeforeReading(p, e, law, registry, abbr) ?? law;
    const mention: Mention = { s: ms, e, kind: 'abbr', law, abbr, standalone };
    if (alsoMeans) mention.alsoMeans = alsoMeans;
    out.push(mention);
  }
}

/**
 * The law a name form means: the document's own binding, else the registry's law at the date (the
 * newest after "nya"); failing both, for a non-generic name, the name without a
 * possessive "s" ("brottsbalkens") or the known form an OCR-damaged one is close to
 * ("socialtjianstlagen"). `unknown` (see WordInfo): the registry knows none of those, so only the
 * document's bindings can answer.
 */
function resolveName(ctx: MentionContext, key: string, stem: string | undefined, generic: boolean, unknown: boolean, p: string, start: number): ResolvedLaw | undefined {
  const { registry, date, state } = ctx;
  if (unknown) {
    const own = state.names.get(key) ?? (!generic && stem && state.names.has(stem) ? state.names.get(stem) : undefined);
    return own && !newBefore(p, start) ? own : undefined;
  }
  const newest = newBefore(p, start);
  let law = (!newest ? state.names.get(key) : undefined) ?? pickByName(registry, key, date, newest);
  if (!law && !generic) {
    const k = stem && (registry.isName(stem) || state.names.has(stem)) ? stem : registry.fuzzyName(key);
    if (k) law = (!newest ? state.names.get(k) : undefined) ?? pickByName(registry, k, date, newest);
  }
  return law;
}

/** The registry's pick per name form at a date (not "newest"), while the registry is unchanged. */
const pickCache = new WeakMap<LawRegistry, { count: number; indexed: boolean; date: string; map: Map<string, LawInfo | null> }>();
function pickByName(registry: LawRegistry, key: string, date: string, newest: boolean): ResolvedLaw | undefined {
  let info: LawInfo | null | undefined;
  if (newest) info = pickUncached(registry, key, date, true);
  else {
    let memo = pickCache.get(registry);
    if (!memo || memo.count !== registry.nameCount || memo.indexed !== registry.hasTitleIndex || memo.date !== date) {
      memo = { count: registry.nameCount, indexed: registry.hasTitleIndex, date, map: new Map() };
      pickCache.set(registry, memo);
    }
    info = memo.map.get(key);
    if (info === undefined) {
      info = pickUncached(registry, key, date, false);
      if (memo.map.size >= 20_000) memo.map.clear();
      memo.map.set(key, info);
    }
  }
  return info ? toResolved(info) : undefined;
}
function pickUncached(registry: LawRegistry, key: string, date: string, newest: boolean): LawInfo | null {
  const list = registry.lawsNamed(key);
  const info = (list && registry.pickAt(list, date, newest)) ?? null;
  // A name cannot mean a law that did not yet exist at the document's date ("barnkonventionen" in 2011 is
  // the UN convention, not the 2018 law): no law rather than a wrong one. ("den nya …" may name the coming law.)
  return info && !newest && !registry.existedAt(info, date) ? null : info;
}
