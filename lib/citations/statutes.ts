/**
 * Statute references: chapters, sections, lists and ranges, stycken and punkter,
 * attached to the law named after or before them, by context, or left without a law.
 */
import type { Target } from '../analysis/schema';
import { NUM, tokenizeList, WORD, WordList, type TokenList } from './tokens';
import type { Mention, ResolvedLaw } from './mentions';

export interface ProvisionGroup {
  /** Offsets in the paragraph string. */
  s: number;
  e: number;
  targets: Target[];
  missingChapter: boolean;
  /** Law from a designation next to the group (after or before), or a back-reference. */
  law?: ResolvedLaw;
  mention?: Mention;
  /** "samma lag", "denna lag", "lagen": refers back. */
  backRef: boolean;
  /** Unknown abbreviation written as the law ("5 § XYZL"). */
  unknownAbbr?: string;
  /** Followed by a law name the registry does not know: no context law. */
  unknownLaw: boolean;
  /** That name ("minoritetslagen"), when it follows the provisions. */
  unknownLawName?: string;
  /** A stycke of the current section ("i första stycket"): never given a law. */
  relative?: boolean;
  /** "5 § i samma kapitel": sections without a chapter, in the chapter of the provision cited before. */
  sameChapter?: boolean;
  /** "tredje stycket samma paragraf": stycken (and points) of the section cited before. */
  sameSection?: boolean;
  /** "… i den nya lagen": the back-reference means the law that replaced the one cited before. */
  newer?: boolean;
  /** "… i den upphävda lagen": the back-reference means the law the one cited before replaced (or that law, if repealed). */
  former?: boolean;
  /** "4 § förordningen": the back-reference means the förordning named last. */
  ordinance?: boolean;
}

/** Ordinal words (folded); the ordinal is the index + 1. */
const ORDINALS = new WordList([
  'forsta', 'andra', 'tredje', 'fjarde', 'femte', 'sjatte', 'sjunde', 'attonde', 'nionde', 'tionde',
  'elfte', 'tolfte', 'trettonde', 'fjortonde', 'femtonde',
]);
const SEP_WORDS = new WordList(['och', 'eller', 'samt', 'respektive', 'resp']);
const CHAPTER_WORDS = new WordList(['kap', 'kapitlet', 'kapitel']);
const BARE_CUES = new WordList(['i', 'enligt', 'av', 'se', 'jfr']);
/** Words after a number that make it something other than a point ("2 st.", "5 kronor"). */
const NOT_POINT_WORDS = new WordList(['st', 'stycket', 'styckena', 'mom', 'kr', 'kronor', 'ar', 'procent', 'dagar', 'manader', 'veckor', 'timmar', 'personer', 'miljoner', 'tkr', 'mnkr']);
/** "samma lag", "denna förordning", ... */
const BACK_REF_WORDS = new WordList(['samma', 'denna', 'namnda', 'sistnamnda']);
const LAW_NOUNS = new WordList(['lag', 'lagen', 'forordning', 'forordningen', 'balk', 'balken', 'forfattning']);
/** "i samma kapitel", "i detta kapitel" */
const SAME_CHAPTER_WORDS = new WordList(['samma', 'detta', 'namnda']);
/**
 * Endings (folded) of the words for a municipality's own documents, whose sections are no statute's:
 * "8 § i nämndens reglemente", "5 § i förbundsordningen", "2 § i avgiftstaxan", "6 § i samverkansavtalet".
 * Only the compounds of "ordning" that name such documents ("förordningen" is a law) and of
 * "föreskrifter" ("Socialstyrelsens föreskrifter" are an agency's regulation).
 */
const LOCAL_DOCUMENT_ENDINGS = [
  'reglemente', 'reglementet', 'reglementen', 'reglementena', 'delegationsordning', 'delegationsordningen', 'arbetsordning', 'arbetsordningen',
  'forbundsordning', 'forbundsordningen', 'bolagsordning', 'bolagsordningen', 'ordningsforeskrifter', 'ordningsforeskrifterna',
  'direktiv', 'direktivet', 'taxa', 'taxan', 'taxor', 'taxorna', 'avtal', 'avtalet', 'avtalen', 'kontrakt', 'kontraktet', 'instruktion',
  'instruktionen', 'stadgar', 'stadgarna', 'riktlinjer', 'riktlinjerna', 'policy', 'policyn', 'overenskommelse', 'overenskommelsen',
];
/** The endings by their last code unit (a word is tried only against the endings it can have). */
const LOCAL_DOCUMENT_ENDINGS_BY_LAST = new Map<number, string[]>();
for (const e of LOCAL_DOCUMENT_ENDINGS) {
  const last = e.charCodeAt(e.length - 1);
  LOCAL_DOCUMENT_ENDINGS_BY_LAST.set(last, [...(LOCAL_DOCUMENT_ENDINGS_BY_LAST.get(last) ?? []), e]);
}
const isLocalDocumentWord = (folded: string): boolean => LOCAL_DOCUMENT_ENDINGS_BY_LAST.get(folded.charCodeAt(folded.length - 1))?.some((e) => folded.endsWith(e)) === true;
/** Words between "i" and the document: possessives ("nämndens", "Stockholms stads") and a few adjectives. */
const DOCUMENT_ATTRIBUTES = new WordList(['de', 'det', 'den', 'lokala', 'gallande', 'nuvarande', 'egna', 'antagna', 'reviderade']);
/** Words that call a law the former one ("den tidigare socialtjänstlagen"), folded. */
const FORMER_WORDS = new WordList(['aldre', 'tidigare', 'gamla', 'forra', 'davarande', 'upphavda']);
/** Collective agreements cited like laws ("28 § AB"): no law's abbreviation. */
const AGREEMENT_ABBREVIATIONS = new Set(['AB', 'HÖK', 'PAN', 'BEA']);
const LAW_NAME_END = /(?:lagen|balken|forordningen|kungorelsen|stadgan)$/;
const ABBREVIATION = /^\p{Lu}[\p{L}]{1,7}$/u;
const UPPER = /\p{Lu}/gu;

const DOT = 46;
const COLON = 58;
const COMMA = 44;
const SLASH = 47;
const HYPHEN = 45;
const OPEN_PAREN = 40;
const CLOSE_PAREN = 41;
const SECTION_SIGN = 0xa7;

/** Strings of small numbers, made once. */
const NUM_STRINGS: string[] = [];
const numStr = (n: number): string => (n < 10000 ? (NUM_STRINGS[n] ??= String(n)) : String(n));
/** "3 a": a number and a folded one-letter suffix (char code). */
const withLetter = (value: string, letter: number): string => `${value} ${String.fromCharCode(letter)}`;

/** "§" or "§§". */
const isSection = (toks: TokenList, i: number): boolean => toks.kind(i) === SECTION_SIGN;
/** "-", "–", "—", and the hyphen, figure dash and minus sign PDFs give for them (U+2010, U+2012, U+2212). */
const isDash = (toks: TokenList, i: number): boolean => {
  const c = toks.kind(i);
  return c === HYPHEN || c === 0x2013 || c === 0x2014 || c === 0x2010 || c === 0x2012 || c === 0x2212;
};
const isChapterWord = (toks: TokenList, i: number): boolean => toks.wordIndex(i, CHAPTER_WORDS) >= 0;
const isSepWord = (toks: TokenList, i: number): boolean => toks.wordIndex(i, SEP_WORDS) >= 0;
const isSep = (toks: TokenList, i: number): boolean => toks.sym(i, COMMA) || isSepWord(toks, i);
/** The ordinal of an ordinal word ("andra" → 2), else 0. */
const ordinalAt = (toks: TokenList, i: number): number => toks.wordIndex(i, ORDINALS) + 1;
/** A one-letter suffix ("3 a", "3A", "26 i") when followed by something that ends a section number. */
function letterAt(toks: TokenList, i: number): boolean {
  if (toks.letter(i) < 0) return false;
  const raw = toks.first(i);
  const n = i + 1;
  // An upper-case letter after a space only right before the sign: "3 A §" (OCR), not "3 A och 4 B" or "1 A kap."
  if (toks.sp(i) && !(raw >= 97 && raw <= 122)) return isSection(toks, n);
  return isSection(toks, n) || isDash(toks, n) || isSep(toks, n) || isChapterWord(toks, n) || toks.sym(n, DOT);
}
const LETTER_OR_DIGIT = /[\p{L}\d]/u;
const badPrefix = (p: string, s: number): boolean => {
  if (s < 1) return false;
  const k = p.charCodeAt(s - 1);
  // "-", "/", ":", ".", digits, ASCII letters; else a letter by the regex. Spaces, "(" and "," (the common cases) are not.
  if (k === 45 || k === 47 || k === 58 || k === 46 || (k >= 48 && k <= 57) || (k >= 65 && k <= 90) || (k >= 97 && k <= 122)) return true;
  if (k < 0xaa) return false;
  return LETTER_OR_DIGIT.test(p[s - 1]);
};

// The parsers below return the index after what they parsed, or -1, and leave their values in these
// scratch variables (read before the same parser runs again).
/** secNumAt: the section number. */
let secValue = '';
/** sectionListAt: the sections and their range ends. */
const secFrom: string[] = [];
const secTo: (string | undefined)[] = [];
let secCount = 0;
/** pointsAt: the points. */
const pointList: string[] = [];
let pointCount = 0;
/** paragraphsAt: the stycken. */
const parList: number[] = [];
let parCount = 0;

/**
 * The chapters before a chapter alone at token i, back to offset `floor`: "6 och" and "6, 7 och" before "9 kap.",
 * "3–" before "5 kap." (a range of at most 20 as each chapter): the index of the first number (i when there are
 * none) and those chapters in order (the caller has the one at i).
 */
function chaptersBefore(p: string, toks: TokenList, i: number, floor: number): { first: number; chapters: string[] } {
  const found: string[] = [];
  let first = i;
  for (let guard = 0; guard < 20; guard++) {
    // the separator before number `first` (",", "och", ", och", or a dash for a range), and the number before it
    let k = first - 1;
    if (k < 1) break;
    const range = isDash(toks, k);
    if (!range) {
      if (isSepWord(toks, k)) {
        if (toks.sym(k - 1, COMMA)) k -= 1;
      } else if (!toks.sym(k, COMMA)) break;
    }
    const n = k - 1;
    if (!toks.isNum(n) || toks.len(n) > 3 || toks.s(n) < floor || badPrefix(p, toks.s(n))) break;
    const from = toks.num(n);
    if (range) {
      const to = toks.num(first);
      if (first !== i || to <= from || to - from > 20) break;
      for (let x = to - 1; x > from; x--) found.push(numStr(x));
    }
    found.push(numStr(from));
    first = n;
    if (range) break;
  }
  return { first, chapters: found.reverse() };
}

/** Parse "NUM [letter]" at i into secValue. */
function secNumAt(toks: TokenList, i: number): number {
  if (!toks.isNum(i) || toks.len(i) > 4) return -1;
  const value = numStr(toks.num(i));
  if (letterAt(toks, i + 1)) {
    secValue = withLetter(value, toks.letter(i + 1));
    return i + 2;
  }
  secValue = value;
  return i + 1;
}

/** Section list ending in § / §§: "1, 3 och 5 §§", "2–4 §§", "7 a-9 §§", "3 a §". */
function sectionListAt(toks: TokenList, i: number): number {
  let count = 0;
  let j = i;
  for (let guard = 0; guard < 60; guard++) {
    const a = secNumAt(toks, j);
    if (a < 0) return -1;
    secFrom[count] = secValue;
    secTo[count] = undefined;
    j = a;
    if (isDash(toks, j) || toks.word(j, 'till')) {
      const b = secNumAt(toks, j + 1);
      if (b >= 0) {
        secTo[count] = secValue;
        j = b;
      }
    }
    count += 1;
    if (isSection(toks, j)) {
      // "10 §–12 §": a range with the sign at both ends
      if (secTo[count - 1] === undefined && isDash(toks, j + 1)) {
        const b = secNumAt(toks, j + 2);
        if (b >= 0 && isSection(toks, b)) {
          secTo[count - 1] = secValue;
          j = b;
        }
      }
      secCount = count;
      return j + 1;
    }
    if (isSep(toks, j) && toks.isNum(j + 1)) {
      j += 1;
      continue;
    }
    if (toks.sym(j, COMMA) && isSepWord(toks, j + 1) && toks.isNum(j + 2)) {
      j += 2;
      continue;
    }
    return -1;
  }
  return -1;
}

/** Points after § or stycket: "2", "2, 3 eller 4 b", "2-4", "6)", "7.", "f", "punkt 3", "andra punkten". */
function pointsAt(toks: TokenList, i: number): number {
  let j = i;
  if (toks.word(j, 'punkt') || toks.word(j, 'p') || toks.word(j, 'punkterna')) {
    j += toks.sym(j + 1, DOT) ? 2 : 1;
  } else {
    const o = ordinalAt(toks, j);
    if (o > 0 && (toks.word(j + 1, 'punkten') || toks.word(j + 1, 'punkt'))) {
      pointList[0] = numStr(o);
      pointCount = 1;
      return j + 2;
    }
  }
  let count = 0;
  let end = j;
  for (let guard = 0; guard < 20; guard++) {
    let value: string;
    /** The value of a point without a letter, else -1. */
    let from = -1;
    let k = j + 1;
    if (toks.isNum(j) && toks.len(j) <= 3 && toks.num(j) !== 0) {
      from = toks.num(j);
      value = numStr(from);
      // "2 b", and "4 b i denna paragraf".
      const letter = toks.letter(k);
      const nextKind = toks.kind(k + 1);
      if (letter >= 97 && letter <= 104 && ((nextKind !== WORD && nextKind !== NUM) || toks.word(k + 1, 'i'))) {
        value = withLetter(value, letter);
        from = -1;
        k += 1;
      }
    } else if (toks.isWord(j) && toks.len(j) === 1 && toks.first(j) >= 97 && toks.first(j) <= 104 && (isSep(toks, k) || toks.sym(k, CLOSE_PAREN) || k >= toks.length) && count === 0) {
      // A raw a–h letter folds to itself.
      value = toks.raw(j);
    } else break;
    if (isSection(toks, k) || isChapterWord(toks, k) || toks.isNum(k) || toks.sym(k, COLON) || toks.sym(k, SLASH)) break;
    if (toks.wordIndex(k, NOT_POINT_WORDS) >= 0) break;
    // "6 § 1 samma lag": OCR's "1" for "i" ("6 § i samma lag"), not a point.
    if (count === 0 && j === i && from === 1 && toks.len(j) === 1 && toks.wordIndex(k, BACK_REF_WORDS) >= 0 && toks.wordIndex(k + 1, LAW_NOUNS) >= 0) break;
    // Range of points: "2-4", "2–4".
    if (isDash(toks, k) && toks.isNum(k + 1) && !isSection(toks, k + 2) && from >= 0) {
      const to = toks.num(k + 1);
      if (to > from && to - from <= 20) {
        for (let n = from; n <= to; n++) pointList[count++] = numStr(n);
        k += 2;
      } else break;
    } else if (isDash(toks, k)) break;
    else pointList[count++] = value;
    // "3 p.": the point's abbreviation after its number
    if (toks.word(k, 'p')) k += toks.sym(k + 1, DOT) ? 2 : 1;
    j = k;
    // ("7." and "6)" in a list; not the full stop that ends the paragraph: "LSS 9 § punkt 8.")
    if (toks.sym(j, CLOSE_PAREN) || (toks.sym(j, DOT) && j + 1 < toks.length && !toks.isWord(j + 1) && !toks.isNum(j + 1))) j += 1;
    end = j;
    if (isSep(toks, j) && (toks.isNum(j + 1) || toks.isOneLetterWord(j + 1))) {
      j += 1;
      continue;
    }
    break;
  }
  pointCount = count;
  return count ? end : -1;
}

/** Stycken: "andra stycket", "första och andra styckena", "2 st.", "1 st". */
function paragraphsAt(toks: TokenList, i: number): number {
  let count = 0;
  let j = i;
  for (let guard = 0; guard < 6; guard++) {
    const o = ordinalAt(toks, j);
    if (o === 0) break;
    parList[count++] = o;
    j += 1;
    if (isSep(toks, j) && ordinalAt(toks, j + 1) > 0) {
      j += 1;
      continue;
    }
    break;
  }
  parCount = count;
  if (count) {
    if (toks.word(j, 'stycket') || toks.word(j, 'styckena')) return j + 1;
    if (toks.word(j, 'st')) return toks.sym(j + 1, DOT) ? j + 2 : j + 1;
    return -1;
  }
  if (toks.isNum(j) && toks.len(j) <= 2 && (toks.word(j + 1, 'st') || toks.word(j + 1, 'stycket'))) {
    parList[0] = toks.num(j);
    parCount = 1;
    return toks.sym(j + 2, DOT) ? j + 3 : j + 2;
  }
  if (toks.word(j, 'stycke') && toks.isNum(j + 1) && toks.len(j + 1) <= 2) {
    parList[0] = toks.num(j + 1);
    parCount = 1;
    return j + 2;
  }
  return -1;
}

/** A section target with a stycke and/or a point (`last` has no range end). */
function qualified(last: Target, paragraph: string | undefined, point: string | undefined): Target {
  const t: Target = last.chapter !== undefined ? { chapter: last.chapter, section: last.section } : { section: last.section };
  if (paragraph !== undefined) t.paragraph = paragraph;
  if (point !== undefined) t.point = point;
  return t;
}

/** Append `last` (a section) with the stycken of paragraphsAt, or with the points of pointsAt when there is one stycke (pointsEnd ≥ 0). */
function pushQualified(out: Target[], last: Target, pointsEnd: number): void {
  if (pointsEnd >= 0 && parCount === 1) {
    const paragraph = numStr(parList[0]);
    for (let x = 0; x < pointCount; x++) out.push(qualified(last, paragraph, pointList[x]));
  } else for (let x = 0; x < parCount; x++) out.push(qualified(last, numStr(parList[x]), undefined));
}

// itemAt: the item's chapter ("N kap."), whether it is "kap. N §" without a chapter number, and
// whether it is "N kap." alone.
let itemChapter: string | undefined;
let itemMissingChapter = false;
let itemChapterOnly = false;

/** itemAt: the targets list it added to. */
let itemTargets: Target[] = [];

/**
 * The list with no spare capacity: lists built by push keep room for more, and the targets outlive
 * the call (they are the citations' targets), so the spare room would be garbage-collected work.
 */
function exactSize(list: Target[]): Target[] {
  if (list.length === 1) return [list[0]];
  if (list.length === 2) return [list[0], list[1]];
  return list.slice();
}

/**
 * One item at i: "[N kap.] sections [qualifiers]" or "N kap." alone (chapterOnly). Appends its targets
 * to `targets` (to a new list, itemTargets, when that is undefined) and returns the index after it
 * (-1 when there is none; nothing is added then).
 */
function itemAt(p: string, toks: TokenList, i: number, inherited: string | undefined, targets: Target[] | undefined): number {
  let j = i;
  let chapter: string | undefined;
  let missingChapter = false;
  // "kapitel 5 i socialtjänstlagen" (and "kap. 5 SoL" below): the chapter alone
  if (toks.word(i, 'kapitel') && toks.isNum(i + 1) && toks.len(i + 1) <= 3) {
    itemChapter = numStr(toks.num(i + 1));
    itemMissingChapter = false;
    itemChapterOnly = true;
    itemTargets = targets ?? [];
    itemTargets.push({ chapter: itemChapter });
    return i + 2;
  }
  if (toks.isNum(i) && toks.len(i) <= 3 && !badPrefix(p, toks.s(i))) {
    // "3 kap.", "1 a kap.", "2 Kap"
    let k = i + 1;
    const letter = toks.letter(k);
    const lettered = letter >= 0 && isChapterWord(toks, k + 1);
    if (lettered) k += 1;
    if (isChapterWord(toks, k)) {
      chapter = lettered ? withLetter(numStr(toks.num(i)), letter) : numStr(toks.num(i));
      j = k + 1;
      if (toks.sym(j, DOT) || toks.sym(j, COLON)) j += 1;
    }
  } else if (toks.word(i, 'kap') && toks.sym(i + 1, DOT) && toks.isNum(i + 2)) {
    missingChapter = true;
    j = i + 2;
  } else return -1;
  // (without a chapter, j is i, whose prefix was tested above)
  let count = 0;
  const listEnd = sectionListAt(toks, j);
  if (listEnd >= 0) {
    count = secCount;
    j = listEnd;
  } else if (missingChapter && toks.len(j) <= 3) {
    // "kap. 5 SoL": the chapter written after the word, no section
    chapter = numStr(toks.num(j));
    missingChapter = false;
    j += 1;
  } else if (chapter) {
    // "6 kap 15 c första stycket" (no § sign) — only with a stycke after it.
    const a = secNumAt(toks, j);
    if (a >= 0) {
      const section = secValue;
      if (paragraphsAt(toks, a) >= 0) {
        secFrom[0] = section;
        secTo[0] = undefined;
        count = 1;
        j = a;
      } else if (toks.letter(a) >= 0 && paragraphsAt(toks, a + 1) >= 0) {
        secFrom[0] = withLetter(section, toks.letter(a));
        secTo[0] = undefined;
        count = 1;
        j = a + 1;
      }
    }
  }
  itemChapter = chapter;
  itemMissingChapter = missingChapter;
  itemChapterOnly = count === 0;
  if (count === 0) {
    if (!chapter) return -1;
    itemTargets = targets ?? [];
    itemTargets.push({ chapter });
    return j;
  }
  const out = targets ?? [];
  itemTargets = out;
  const ch = chapter ?? (missingChapter ? undefined : inherited);
  for (let x = 0; x < count; x++) {
    const target: Target = ch ? { chapter: ch, section: secFrom[x] } : { section: secFrom[x] };
    const to = secTo[x];
    if (to) target.sectionTo = to;
    out.push(target);
  }
  // Qualifiers apply to the last section.
  const last = out[out.length - 1];
  if (last.sectionTo) return j;
  // Every qualifier starts with a word or a number.
  const next = toks.kind(j);
  if (next !== WORD && next !== NUM) return j;
  if (toks.word(j, 'anvisningarna')) {
    // Old tax laws: "41 § anvisningarna punkt 4 första stycket".
    const pointsEnd = pointsAt(toks, j + 1);
    if (pointsEnd >= 0 && pointCount === 1) {
      const point = pointList[0];
      const parEnd = paragraphsAt(toks, pointsEnd);
      out[out.length - 1] = qualified(last, parEnd >= 0 ? numStr(parList[0]) : undefined, point);
      return parEnd >= 0 ? parEnd : pointsEnd;
    }
  }
  const parEnd = paragraphsAt(toks, j);
  if (parEnd >= 0) {
    j = parEnd;
    // "första stycket första meningen"
    if (ordinalAt(toks, j) > 0 && toks.word(j + 1, 'meningen')) j += 2;
    const pointsEnd = pointsAt(toks, j);
    if (pointsEnd >= 0 && parCount === 1) j = pointsEnd;
    out.pop();
    pushQualified(out, last, pointsEnd);
    // "fjärde stycket 2 eller femte stycket", "3 st. och 4 st."
    for (let guard = 0; guard < 6 && isSep(toks, j); guard++) {
      const moreEnd = paragraphsAt(toks, j + 1);
      if (moreEnd < 0) break;
      j = moreEnd;
      const morePointsEnd = pointsAt(toks, j);
      if (morePointsEnd >= 0 && parCount === 1) j = morePointsEnd;
      pushQualified(out, last, morePointsEnd);
    }
  } else {
    const pointsEnd = pointsAt(toks, j);
    if (pointsEnd >= 0) {
      j = pointsEnd;
      out.pop();
      for (let x = 0; x < pointCount; x++) out.push(qualified(last, undefined, pointList[x]));
    } else if (toks.isNum(j) && toks.word(j + 1, 'mom')) {
      j += toks.sym(j + 2, DOT) ? 3 : 2;
    }
  }
  return j;
}

/** Whether p has "." or ";" in [s, e). */
function hasStop(p: string, s: number, e: number): boolean {
  for (let k = s; k < e; k++) {
    const c = p.charCodeAt(k);
    if (c === 46 || c === 59) return true;
  }
  return false;
}

// The paragraph's mentions by start and end offset, and those taken as the law after a group by start
// offset (mentionByStart returns only one mention per start, so a start identifies a taken mention).
// Sparse scratch arrays, filled for one paragraph and cleared after it: cheaper than Maps and a Set.
const mentionByStart: (Mention | undefined)[] = [];
const mentionByEnd: (Mention | undefined)[] = [];
const takenByStart: (Mention | undefined)[] = [];

/** Make the mention arrays cover offsets up to last. */
function growMentionArrays(last: number): void {
  while (mentionByStart.length <= last) {
    mentionByStart.push(undefined);
    mentionByEnd.push(undefined);
    takenByStart.push(undefined);
  }
}

/**
 * Provision groups of one paragraph: consecutive items joined by ",", "och",
 * "samt", "eller", with the law designation that follows or precedes them.
 * (The tokens may be read from `text` at `from`, as tokenizeList tells.)
 */
export function findProvisions(p: string, mentions: Mention[], text: string = p, from = 0): { groups: ProvisionGroup[] } {
  growMentionArrays(p.length);
  // Later mentions with the same offset win (as Map.set would).
  for (const m of mentions) {
    growMentionArrays(m.e); // (a mention starts before it ends)
    mentionByStart[m.s] = m;
    mentionByEnd[m.e] = m;
  }
  try {
    return { groups: findGroups(p, text, from) };
  } finally {
    for (const m of mentions) {
      mentionByStart[m.s] = undefined;
      mentionByEnd[m.e] = undefined;
      takenByStart[m.s] = undefined;
    }
  }
}

function findGroups(p: string, text: string, from: number): ProvisionGroup[] {
  const toks = tokenizeList(p, text, from);
  const n = toks.length;
  const groups: ProvisionGroup[] = [];
  // Only the tokens in toks.starts may begin a group: the others are skipped.
  const starts = toks.starts;
  const startCount = toks.startCount;
  /** The next token to look at (the one after the last group). */
  let i = 0;
  for (let c = 0; c < startCount; c++) {
    if (starts[c] < i) continue;
    i = starts[c];
    const ty = toks.kind(i);
    const len = toks.len(i);
    // (a start word of 4–9 letters ends in "a" or "e" and follows a word of at most 6 letters)
    if (ty === WORD && len >= 4 && ordinalAt(toks, i) > 0 && toks.wordIndex(i - 1, BARE_CUES) >= 0) {
      // "i första stycket", "enligt tredje stycket 2, 3 eller 4 b": the current section's stycke; no law.
      const parEnd = paragraphsAt(toks, i);
      if (parEnd >= 0 && toks.isWord(parEnd - 1)) {
        let j = parEnd;
        const targets: Target[] = [];
        const pointsEnd = parCount === 1 ? pointsAt(toks, j) : -1;
        if (pointsEnd >= 0) {
          j = pointsEnd;
          const paragraph = numStr(parList[0]);
          for (let x = 0; x < pointCount; x++) targets.push({ paragraph, point: pointList[x] });
        } else for (let x = 0; x < parCount; x++) targets.push({ paragraph: numStr(parList[x]) });
        // "tredje stycket samma paragraf": the section cited before, with its law
        const k = toks.word(j, 'i') ? j + 1 : j;
        if (toks.word(k, 'samma') && (toks.word(k + 1, 'paragraf') || toks.word(k + 1, 'paragrafen'))) {
          groups.push({ s: toks.s(i), e: toks.e(k + 1), targets, missingChapter: false, backRef: false, unknownLaw: false, sameSection: true });
          i = k + 2;
          continue;
        }
        groups.push({ s: toks.s(i), e: toks.e(j - 1), targets, missingChapter: false, backRef: false, unknownLaw: true, relative: true });
        i = j;
        continue;
      }
    }
    if (ty !== NUM && !(ty === WORD && ((len === 3 && toks.word(i, 'kap')) || (len === 7 && toks.word(i, 'kapitel'))))) {
      i += 1;
      continue;
    }
    let ts = toks.s(i);
    // Colon form "4:1 SoL".
    if (ty === NUM && toks.sym(i + 1, COLON) && toks.isNum(i + 2) && !toks.sp(i + 1) && !toks.sp(i + 2) && len <= 2 && toks.len(i + 2) <= 3 && !badPrefix(p, ts)) {
      const m = i + 3 < n ? mentionByStart[toks.s(i + 3)] : undefined;
      if (m && m.law && (m.kind === 'abbr' || m.kind === 'name' || m.abbr !== undefined)) {
        groups.push({ s: ts, e: m.e, targets: [{ chapter: numStr(toks.num(i)), section: numStr(toks.num(i + 2)) }], missingChapter: false, law: m.law, mention: m, backRef: false, unknownLaw: false });
        i = tokAt(toks, m.e, i + 3);
        continue;
      }
    }
    let end = itemAt(p, toks, i, undefined, undefined);
    if (end < 0) {
      i += 1;
      continue;
    }
    const targets = itemTargets;
    if (itemChapterOnly && toks.isNum(i)) {
      // "6 och 7 kap.", "3–5 kap.": the chapters before this one (read back: rarely any, and only here)
      const before = chaptersBefore(p, toks, i, groups.length ? groups[groups.length - 1].e : 0);
      if (before.first < i) {
        targets.unshift(...before.chapters.map((chapter) => ({ chapter })));
        i = before.first;
        ts = toks.s(i);
      }
    }
    // (bare stycke references are handled below, see findBareParagraphs)
    let chapter = itemChapter;
    let onlyChapters = itemChapterOnly;
    let missing = itemMissingChapter;
    for (let guard = 0; guard < 60; guard++) {
      let k = end;
      if (!isSep(toks, k)) break;
      k += 1;
      if (toks.sym(k - 1, COMMA) && isSepWord(toks, k)) k += 1;
      const before = targets.length;
      const nextEnd = itemAt(p, toks, k, chapter, targets);
      if (nextEnd < 0) break;
      if (itemChapterOnly && !nextIsLaw(toks, nextEnd)) {
        targets.length = before;
        break;
      }
      end = nextEnd;
      if (!itemChapterOnly) onlyChapters = false;
      if (itemMissingChapter) missing = true;
      if (itemChapter) chapter = itemChapter;
      else if (itemMissingChapter) chapter = undefined;
    }
    // Law designation after the group.
    let k = end;
    if (toks.word(k, 'i') || (toks.isNum(k) && toks.len(k) === 1 && toks.first(k) === 49 && toks.isWord(k + 1) && !toks.word(k + 1, 'kap'))) k += 1;
    if (toks.word(k, 'den')) k += 1;
    // "4 kap. 1 § nya SoL", "… den nya lagen": the mention (which starts at "nya" and knows it is the newest) or the
    // back-reference after "nya"
    let newer = false;
    let former = false;
    if (toks.word(k, 'nya')) {
      if (mentionByStart[toks.s(k)] === undefined) k += 1;
      newer = true;
    } else if (toks.wordIndex(k, FORMER_WORDS) >= 0 && mentionByStart[toks.s(k)] === undefined && mentionByStart[toks.s(k + 1)] !== undefined) {
      // "i den tidigare socialtjänstlagen (2001:453)": the mention after the word (with "äldre" before a name the
      // mention starts at the word)
      k += 1;
    } else if (toks.wordIndex(k, FORMER_WORDS) >= 0 && mentionByStart[toks.s(k)] === undefined && (toks.word(k + 1, 'lagen') || toks.word(k + 1, 'forordningen'))) {
      // "4 kap. 1 § i den upphävda lagen": a back-reference to the former law
      k += 1;
      former = true;
    }
    let law: ResolvedLaw | undefined;
    let mention: Mention | undefined;
    let backRef = false;
    let ordinance = false;
    let sameChapter = false;
    let gEnd = toks.e(end - 1);
    let unknownAbbr: string | undefined;
    let unknownLaw = false;
    let unknownLawName: string | undefined;
    if (toks.sym(k, DOT) && k + 1 < n && mentionByStart[toks.s(k + 1)] !== undefined) k += 1;
    let m = k < n ? mentionByStart[toks.s(k)] : undefined;
    // "4 § PBL-taxan": the law's abbreviation names a local document
    if (m && toks.sym(k + 1, HYPHEN) && !toks.sp(k + 1) && localDocumentAt(toks, k)) m = undefined;
    if (m && m.law) {
      law = m.law;
      mention = m;
      gEnd = m.e;
      end = tokAt(toks, m.e, k);
      takenByStart[m.s] = m;
    } else if (toks.wordIndex(k, BACK_REF_WORDS) >= 0 && toks.wordIndex(k + 1, LAW_NOUNS) >= 0) {
      backRef = true;
      gEnd = toks.e(k + 1);
      end = k + 2;
    } else if (toks.wordIndex(k, SAME_CHAPTER_WORDS) >= 0 && toks.wordIndex(k + 1, CHAPTER_WORDS) >= 0 && !hasChapter(targets)) {
      sameChapter = true;
      end = toks.sym(k + 2, DOT) && toks.word(k + 1, 'kap') ? k + 3 : k + 2;
      gEnd = toks.e(end - 1);
    } else if ((toks.word(k, 'lagen') || toks.word(k, 'forordningen')) && !toks.sym(k + 1, OPEN_PAREN)) {
      backRef = true;
      ordinance = toks.word(k, 'forordningen');
      gEnd = toks.e(k);
      end = k + 1;
    } else if (toks.isWord(k) && endsInN(toks, k) && isUnknownLawName(toks.folded(k))) {
      // A law named by a name the registry does not know ("23 § okändalagen"): not the context law; the citation
      // covers the name.
      unknownLaw = true;
      unknownLawName = toks.raw(k);
      gEnd = toks.e(k);
      end = k + 1;
    } else if (toks.isWord(end) && toks.len(end) >= 2 && toks.len(end) <= 8 && mayBeUpper(toks.first(end)) && isAbbreviation(toks.raw(end)) && !toks.isNum(end + 1) && !toks.sym(end + 1, HYPHEN)) {
      unknownAbbr = toks.raw(end);
    }
    if (!law && !backRef) {
      // Law named right before: "Hälso- och sjukvårdslagen (2017:30) 3 kap. 1 §", "SoL 4 kap. 1 §".
      const before = i > 0 ? mentionByEnd[toks.e(i - 1)] : undefined;
      if (before && before.law && takenByStart[before.s] !== before && toks.sp(i) && !hasStop(p, before.e, ts)) {
        law = before.law;
        mention = before;
      }
    }
    if (onlyChapters && !law && !backRef) {
      i += 1;
      continue;
    }
    if (!law && !backRef && !sameChapter && localDocumentAt(toks, k)) {
      i = Math.max(end, i + 1);
      continue;
    }
    // (law and mention in the literal, set or not: added afterwards they made a second object and shape per group)
    const group: ProvisionGroup = { s: mention && mention.e <= ts ? mention.s : ts, e: gEnd, targets: exactSize(targets), missingChapter: missing, law, mention: law ? mention : undefined, backRef, unknownLaw };
    if (unknownAbbr) group.unknownAbbr = unknownAbbr;
    if (unknownLawName) group.unknownLawName = unknownLawName;
    if (sameChapter) group.sameChapter = true;
    if (newer && backRef) group.newer = true;
    if (former && backRef) group.former = true;
    if (ordinance) group.ordinance = true;
    groups.push(group);
    i = Math.max(end, i + 1);
  }
  return groups;
}

/** Does a municipality's own document or a collective agreement start at token k ("nämndens reglemente", "AB")? */
function localDocumentAt(toks: TokenList, k: number): boolean {
  if (!toks.isWord(k)) return false;
  if (toks.len(k) <= 3 && AGREEMENT_ABBREVIATIONS.has(toks.raw(k))) return true;
  let j = k;
  for (let n = 0; n < 3 && toks.isWord(j); n++) {
    const w = toks.folded(j);
    if (isLocalDocumentWord(w)) return true;
    // the first part of a compound written with a hyphen: "VA-taxan", "KF-reglementet", "ägar-direktiv"
    if (toks.sym(j + 1, HYPHEN) && !toks.sp(j + 1) && !toks.sp(j + 2) && toks.isWord(j + 2)) {
      j += 2;
      continue;
    }
    if (!(w.length >= 4 && w.endsWith('s')) && toks.wordIndex(j, DOCUMENT_ATTRIBUTES) < 0) return false;
    j += 1;
  }
  return toks.isWord(j) && isLocalDocumentWord(toks.folded(j));
}

function hasChapter(targets: readonly Target[]): boolean {
  for (const t of targets) if (t.chapter !== undefined) return true;
  return false;
}

/** Whether word k ends in "n" or "N" (as every law name ending does, folded or not). */
const endsInN = (toks: TokenList, k: number): boolean => (toks.last(k) | 0x20) === 110;
/** A folded word ending like a law name ("-lagen", "-balken", ...) and longer than those endings. */
const isUnknownLawName = (v: string): boolean => v.length > 7 && LAW_NAME_END.test(v) && v !== 'forordningen' && v !== 'kungorelsen';
/** A–Z, or any non-ASCII code unit (which may be an upper-case letter): may start an abbreviation. */
const mayBeUpper = (c: number): boolean => (c >= 65 && c <= 90) || c >= 0x80;
/** "XYZL": a capital, then 1–7 letters of which at least one more is a capital. */
const isAbbreviation = (raw: string): boolean => ABBREVIATION.test(raw) && (raw.match(UPPER)?.length ?? 0) >= 2;

function tokAt(toks: TokenList, offset: number, from: number): number {
  let k = from;
  while (k < toks.length && toks.s(k) < offset) k += 1;
  return k;
}

function nextIsLaw(toks: TokenList, k: number): boolean {
  let j = k;
  if (toks.word(j, 'i')) j += 1;
  return j < toks.length && (mentionByStart[toks.s(j)] !== undefined || toks.word(j, 'samma') || toks.word(j, 'denna'));
}
