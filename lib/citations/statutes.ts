/**
 * Statute references: chapters, sections, lists and ranges, stycken and punkter,
 * attached to the law named after or before them, by context, or left without a law.
 */
import type { Target } from '../analysis/schema';
import { NUM, tokenizeList, WORD, type Tok, type TokenList } from './tokens';
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
  /** A stycke of the current section ("i första stycket"): never given a law. */
  relative?: boolean;
}

const ORDINALS: Record<string, number> = {
  forsta: 1, andra: 2, tredje: 3, fjarde: 4, femte: 5, sjatte: 6, sjunde: 7, attonde: 8, nionde: 9, tionde: 10,
  elfte: 11, tolfte: 12, trettonde: 13, fjortonde: 14, femtonde: 15,
};
const SEP_WORDS = new Set(['och', 'eller', 'samt', 'respektive', 'resp']);
const CHAPTER_WORDS = new Set(['kap', 'kapitlet', 'kapitel']);
const BARE_CUES = new Set(['i', 'enligt', 'av', 'se', 'jfr']);
/** First letters (a–z) of the ordinals and of the cues. */
const ORDINAL_FIRST = 'fatsne';
const CUE_FIRST = 'ieasj';
/**
 * Whether the word at s may fold to a word starting with one of `firsts`: its first character,
 * lower-cased, is one of them, or is not ASCII (folding maps some of those to a–z).
 */
const mayStart = (p: string, s: number, firsts: string): boolean => mayFoldTo(p.charCodeAt(s), firsts);
/** Whether a word with first code unit c may fold to a word starting with one of `firsts` (a–z). */
const mayFoldTo = (c: number, firsts: string): boolean => {
  if (c >= 0x80) return true;
  return firsts.includes(String.fromCharCode(c >= 65 && c <= 90 ? c + 32 : c));
};
const SEP_FIRST = 'oesr';

/** Every ordinal word ends in "a" or "e" ("första", "tredje"). */
const endsInAOrE = (p: string, e: number): boolean => {
  const c = p.charCodeAt(e - 1) | 0x20;
  return c === 97 || c === 101;
};
/** "kap", "kapitel", "kapitlet" (folded): only words of those lengths that may start with "k" are folded and looked up. */
const isChapterWord = (t: Tok | undefined): boolean => {
  if (t === undefined || t.type !== 'word') return false;
  const len = t.length;
  return (len === 3 || len === 7 || len === 8) && mayFoldTo(t.first, 'k') && CHAPTER_WORDS.has(t.v);
};
const isNum = (t: Tok | undefined): t is Tok => t !== undefined && t.type === 'num';
// Folding keeps the length of letters other than "İ" (which no constant here contains), so a word of another length is never v.
const isWord = (t: Tok | undefined, v?: string): t is Tok => t !== undefined && t.type === 'word' && (v === undefined || (t.length === v.length && t.v === v));
const isSym = (t: Tok | undefined, v: string): boolean => t !== undefined && t.type === 'sym' && t.length === v.length && t.v === v;
const isSection = (t: Tok | undefined): boolean => t !== undefined && t.type === 'sym' && (t.v === '§' || t.v === '§§');
const isDash = (t: Tok | undefined): boolean => t !== undefined && t.type === 'sym' && (t.v === '-' || t.v === '–' || t.v === '—');
const isSep = (t: Tok | undefined): boolean => t !== undefined && ((t.type === 'sym' && t.v === ',') || (t.type === 'word' && t.length <= 10 && mayFoldTo(t.first, SEP_FIRST) && SEP_WORDS.has(t.v)));
/** A one-letter suffix ("3 a", "3A", "26 i") when followed by something that ends a section number. */
function letterAt(toks: TokenList, i: number): boolean {
  const t = toks.t(i);
  if (!t || t.type !== 'word' || t.v.length !== 1 || !/[a-z]/.test(t.v)) return false;
  if (t.sp && !/[a-z]/.test(t.raw)) {
    // "3 A §" is unusual but "3A §" is OCR-common; accept upper case only when attached.
    return false;
  }
  const n = toks.t(i + 1);
  return isSection(n) || isDash(n) || isSep(n) || isChapterWord(n) || isSym(n, '.');
}
const ordinalAt = (t: Tok | undefined): number | undefined => (t && t.type === 'word' && t.length <= 9 && mayFoldTo(t.first, ORDINAL_FIRST) ? ORDINALS[t.v] : undefined);
const LETTER_OR_DIGIT = /[\p{L}\d]/u;
const badPrefix = (p: string, s: number): boolean => {
  if (s < 1) return false;
  const k = p.charCodeAt(s - 1);
  // "-", "/", ":", ".", digits, ASCII letters; else a letter by the regex. Spaces, "(" and "," (the common cases) are not.
  if (k === 45 || k === 47 || k === 58 || k === 46 || (k >= 48 && k <= 57) || (k >= 65 && k <= 90) || (k >= 97 && k <= 122)) return true;
  if (k < 0xaa) return false;
  return LETTER_OR_DIGIT.test(p[s - 1]);
};

interface SecNum {
  section: string;
  sectionTo?: string;
}

/** Parse "NUM [letter]" at i; returns [value, next index]. */
function secNumAt(toks: TokenList, i: number): [string, number] | undefined {
  const t = toks.t(i);
  if (!isNum(t) || t.length > 4) return undefined;
  if (letterAt(toks, i + 1)) return [`${t.n} ${toks.t(i + 1).v}`, i + 2];
  return [String(t.n), i + 1];
}

/** Section list ending in § / §§: "1, 3 och 5 §§", "2–4 §§", "7 a-9 §§", "3 a §". */
function sectionListAt(toks: TokenList, i: number): [SecNum[], number] | undefined {
  const list: SecNum[] = [];
  let j = i;
  for (let guard = 0; guard < 60; guard++) {
    const a = secNumAt(toks, j);
    if (!a) return undefined;
    const item: SecNum = { section: a[0] };
    j = a[1];
    if (isDash(toks.t(j)) || isWord(toks.t(j), 'till')) {
      const b = secNumAt(toks, j + 1);
      if (b) {
        item.sectionTo = b[0];
        j = b[1];
      }
    }
    list.push(item);
    if (isSection(toks.t(j))) return [list, j + 1];
    if (isSep(toks.t(j)) && isNum(toks.t(j + 1))) {
      j += 1;
      continue;
    }
    if (isSym(toks.t(j), ',') && isWord(toks.t(j + 1)) && SEP_WORDS.has(toks.t(j + 1).v) && isNum(toks.t(j + 2))) {
      j += 2;
      continue;
    }
    return undefined;
  }
  return undefined;
}

/** Points after § or stycket: "2", "2, 3 eller 4 b", "2-4", "6)", "7.", "f", "punkt 3", "andra punkten". */
function pointsAt(toks: TokenList, i: number): [string[], number] | undefined {
  let j = i;
  if (isWord(toks.t(j), 'punkt') || isWord(toks.t(j), 'p')) {
    j += isSym(toks.t(j + 1), '.') ? 2 : 1;
  } else if (ordinalAt(toks.t(j)) && (isWord(toks.t(j + 1), 'punkten') || isWord(toks.t(j + 1), 'punkt'))) {
    return [[String(ordinalAt(toks.t(j)))], j + 2];
  }
  const points: string[] = [];
  let end = j;
  for (let guard = 0; guard < 20; guard++) {
    const t = toks.t(j);
    let value: string;
    let k = j + 1;
    if (isNum(t) && t.length <= 3 && t.n !== 0) {
      value = String(t.n);
      const after = toks.t(k);
      const afterNext = toks.t(k + 1);
      // "2 b", and "4 b i denna paragraf".
      if (isWord(after) && after.v.length === 1 && /[a-h]/.test(after.v) && ((afterNext?.type !== 'word' && afterNext?.type !== 'num') || (afterNext.type === 'word' && afterNext.v === 'i'))) {
        value += ` ${after.v}`;
        k += 1;
      }
    } else if (isWord(t) && t.v.length === 1 && /[a-h]/.test(t.raw) && (isSep(toks.t(k)) || isSym(toks.t(k), ')') || toks.t(k) === undefined) && points.length === 0) {
      value = t.v;
    } else break;
    const nxt = toks.t(k);
    const nxtWord = nxt?.type === 'word' ? nxt.v : '';
    if (isSection(nxt) || CHAPTER_WORDS.has(nxtWord) || isNum(nxt) || isSym(nxt, ':') || isSym(nxt, '/')) break;
    if (/^(st|stycket|styckena|mom|kr|kronor|ar|procent|dagar|manader|veckor|timmar|personer|miljoner|tkr|mnkr)$/.test(nxtWord)) break;
    // Range of points: "2-4", "2–4".
    if (isDash(nxt) && isNum(toks.t(k + 1)) && !isSection(toks.t(k + 2)) && /^\d+$/.test(value)) {
      const to = toks.t(k + 1).n;
      const from = Number(value);
      if (to > from && to - from <= 20) {
        for (let n = from; n <= to; n++) points.push(String(n));
        k += 2;
      } else break;
    } else if (isDash(nxt)) break;
    else points.push(value);
    j = k;
    if (isSym(toks.t(j), ')') || (isSym(toks.t(j), '.') && !isWord(toks.t(j + 1)) && !isNum(toks.t(j + 1)))) j += 1;
    end = j;
    if (isSep(toks.t(j)) && (isNum(toks.t(j + 1)) || (isWord(toks.t(j + 1)) && toks.t(j + 1).v.length === 1))) {
      j += 1;
      continue;
    }
    break;
  }
  return points.length ? [points, end] : undefined;
}

/** Stycken: "andra stycket", "första och andra styckena", "2 st.", "1 st". */
function paragraphsAt(toks: TokenList, i: number): [number[], number] | undefined {
  const ords: number[] = [];
  let j = i;
  for (let guard = 0; guard < 6; guard++) {
    const o = ordinalAt(toks.t(j));
    if (o === undefined) break;
    ords.push(o);
    j += 1;
    if (isSep(toks.t(j)) && ordinalAt(toks.t(j + 1)) !== undefined) {
      j += 1;
      continue;
    }
    break;
  }
  if (ords.length) {
    if (isWord(toks.t(j), 'stycket') || isWord(toks.t(j), 'styckena')) return [ords, j + 1];
    if (isWord(toks.t(j), 'st')) return [ords, isSym(toks.t(j + 1), '.') ? j + 2 : j + 1];
    return undefined;
  }
  const t = toks.t(j);
  if (isNum(t) && t.length <= 2 && (isWord(toks.t(j + 1), 'st') || isWord(toks.t(j + 1), 'stycket'))) {
    return [[t.n], isSym(toks.t(j + 2), '.') ? j + 3 : j + 2];
  }
  if (isWord(t, 'stycke') && isNum(toks.t(j + 1)) && toks.t(j + 1).length <= 2) return [[toks.t(j + 1).n], j + 2];
  return undefined;
}

interface Item {
  targets: Target[];
  end: number;
  missingChapter: boolean;
  chapter?: string;
}

/** One item: "[N kap.] sections [qualifiers]" or "N kap." alone (chapterOnly). */
function itemAt(p: string, toks: TokenList, i: number, inherited: string | undefined): (Item & { chapterOnly: boolean }) | undefined {
  let j = i;
  let chapter: string | undefined;
  let missingChapter = false;
  const t = toks.t(i);
  if (!t) return undefined;
  if (isNum(t) && t.length <= 3 && !badPrefix(p, t.s)) {
    // "3 kap.", "1 a kap.", "2 Kap"
    let k = i + 1;
    let letter = '';
    if (isWord(toks.t(k)) && toks.t(k).v.length === 1 && /[a-z]/.test(toks.t(k).v) && isChapterWord(toks.t(k + 1))) {
      letter = ` ${toks.t(k).v}`;
      k += 1;
    }
    if (isChapterWord(toks.t(k))) {
      chapter = String(t.n) + letter;
      j = k + 1;
      if (isSym(toks.t(j), '.') || isSym(toks.t(j), ':')) j += 1;
    }
  } else if (isWord(t, 'kap') && isSym(toks.t(i + 1), '.') && isNum(toks.t(i + 2))) {
    missingChapter = true;
    j = i + 2;
  } else return undefined;
  if (!chapter && !missingChapter && badPrefix(p, toks.t(j).s)) return undefined;
  const list = sectionListAt(toks, j);
  let secs: SecNum[] | undefined;
  if (list) {
    secs = list[0];
    j = list[1];
  } else if (chapter) {
    // "6 kap 15 c första stycket" (no § sign) — only with a stycke after it.
    const a = secNumAt(toks, j);
    if (a && paragraphsAt(toks, a[1])) {
      secs = [{ section: a[0] }];
      j = a[1];
    } else if (a && isWord(toks.t(a[1])) && toks.t(a[1]).v.length === 1 && /[a-z]/.test(toks.t(a[1]).v) && paragraphsAt(toks, a[1] + 1)) {
      secs = [{ section: `${a[0]} ${toks.t(a[1]).v}` }];
      j = a[1] + 1;
    }
  }
  if (!secs) {
    if (chapter) return { targets: [{ chapter }], end: j, missingChapter: false, chapter, chapterOnly: true };
    return undefined;
  }
  const ch = chapter ?? (missingChapter ? undefined : inherited);
  const targets: Target[] = [];
  for (const sn of secs) {
    const target: Target = ch ? { chapter: ch, section: sn.section } : { section: sn.section };
    if (sn.sectionTo) target.sectionTo = sn.sectionTo;
    targets.push(target);
  }
  // Qualifiers apply to the last section.
  const last = targets[targets.length - 1];
  if (!last.sectionTo && isWord(toks.t(j), 'anvisningarna')) {
    // Old tax laws: "41 § anvisningarna punkt 4 första stycket".
    const pts = pointsAt(toks, j + 1);
    if (pts && pts[0].length === 1) {
      const par = paragraphsAt(toks, pts[1]);
      targets.pop();
      targets.push({ ...last, ...(par ? { paragraph: String(par[0][0]) } : {}), point: pts[0][0] });
      j = par ? par[1] : pts[1];
      return { targets, end: j, missingChapter, chapter: chapter || undefined, chapterOnly: false };
    }
  }
  if (!last.sectionTo) {
    const par = paragraphsAt(toks, j);
    if (par) {
      j = par[1];
      // "första stycket första meningen"
      if (ordinalAt(toks.t(j)) && isWord(toks.t(j + 1), 'meningen')) j += 2;
      const pts = pointsAt(toks, j);
      targets.pop();
      if (pts && par[0].length === 1) {
        j = pts[1];
        for (const pt of pts[0]) targets.push({ ...last, paragraph: String(par[0][0]), point: pt });
      } else for (const n of par[0]) targets.push({ ...last, paragraph: String(n) });
      // "fjärde stycket 2 eller femte stycket", "3 st. och 4 st."
      for (let guard = 0; guard < 6 && isSep(toks.t(j)); guard++) {
        const more = paragraphsAt(toks, j + 1);
        if (!more) break;
        j = more[1];
        const pts2 = pointsAt(toks, j);
        if (pts2 && more[0].length === 1) {
          j = pts2[1];
          for (const pt of pts2[0]) targets.push({ ...last, paragraph: String(more[0][0]), point: pt });
        } else for (const n of more[0]) targets.push({ ...last, paragraph: String(n) });
      }
    } else {
      const pts = pointsAt(toks, j);
      if (pts) {
        j = pts[1];
        targets.pop();
        for (const pt of pts[0]) targets.push({ ...last, point: pt });
      } else if (isNum(toks.t(j)) && isWord(toks.t(j + 1), 'mom')) {
        j += isSym(toks.t(j + 2), '.') ? 3 : 2;
      }
    }
  }
  return { targets, end: j, missingChapter, chapter: chapter || undefined, chapterOnly: false };
}

/**
 * Provision groups of one paragraph: consecutive items joined by ",", "och",
 * "samt", "eller", with the law designation that follows or precedes them.
 */
export function findProvisions(p: string, mentions: Mention[]): { groups: ProvisionGroup[] } {
  const toks = tokenizeList(p);
  const groups: ProvisionGroup[] = [];
  const mentionAt = new Map<number, Mention>();
  const mentionEndingAt = new Map<number, Mention>();
  for (const m of mentions) {
    mentionAt.set(m.s, m);
    mentionEndingAt.set(m.e, m);
  }
  const usedAfter = new Set<Mention>();
  let i = 0;
  while (i < toks.length) {
    // Flat arrays first: a token object only for the tokens looked at.
    const ty = toks.type(i);
    const len = toks.e(i) - toks.s(i);
    if (ty === WORD && len >= 4 && len <= 9 && endsInAOrE(p, toks.e(i)) && i > 0 && toks.type(i - 1) === WORD && toks.e(i - 1) - toks.s(i - 1) <= 6 && mayStart(p, toks.s(i), ORDINAL_FIRST) && mayStart(p, toks.s(i - 1), CUE_FIRST) && ORDINALS[toks.t(i).v] !== undefined && BARE_CUES.has(toks.t(i - 1).v)) {
      const t = toks.t(i);
      // "i första stycket", "enligt tredje stycket 2, 3 eller 4 b": the current section's stycke; no law.
      const par = paragraphsAt(toks, i);
      if (par && isWord(toks.t(par[1] - 1))) {
        let j = par[1];
        const targets: Target[] = [];
        const pts = par[0].length === 1 ? pointsAt(toks, j) : undefined;
        if (pts) {
          j = pts[1];
          for (const pt of pts[0]) targets.push({ paragraph: String(par[0][0]), point: pt });
        } else for (const n of par[0]) targets.push({ paragraph: String(n) });
        groups.push({ s: t.s, e: toks.t(j - 1).e, targets, missingChapter: false, backRef: false, unknownLaw: true, relative: true });
        i = j;
        continue;
      }
    }
    if (ty !== NUM && !(ty === WORD && len === 3 && mayStart(p, toks.s(i), 'k') && toks.t(i).v === 'kap')) {
      i += 1;
      continue;
    }
    const t = toks.t(i);
    // Colon form "4:1 SoL".
    if (isNum(t) && isSym(toks.t(i + 1), ':') && isNum(toks.t(i + 2)) && !toks.t(i + 1).sp && !toks.t(i + 2).sp && t.length <= 2 && toks.t(i + 2).length <= 3 && !badPrefix(p, t.s)) {
      const after = toks.t(i + 3);
      const m = after ? mentionAt.get(after.s) : undefined;
      if (m && m.law && (m.kind === 'abbr' || m.kind === 'name')) {
        groups.push({ s: t.s, e: m.e, targets: [{ chapter: String(t.n), section: String(toks.t(i + 2).n) }], missingChapter: false, law: m.law, mention: m, backRef: false, unknownLaw: false });
        i = tokAt(toks, m.e, i + 3);
        continue;
      }
    }
    const first = itemAt(p, toks, i, undefined);
    if (!first) {
      i += 1;
      continue;
    }
    // (bare stycke references are handled below, see findBareParagraphs)
    const items = [first];
    let end = first.end;
    let chapter = first.chapter;
    for (let guard = 0; guard < 60; guard++) {
      let k = end;
      if (!isSep(toks.t(k))) break;
      k += 1;
      if (isSym(toks.t(k - 1), ',') && isWord(toks.t(k)) && SEP_WORDS.has(toks.t(k).v)) k += 1;
      const next = itemAt(p, toks, k, chapter);
      if (!next || (next.chapterOnly && !nextIsLaw(toks, next.end, mentionAt))) break;
      items.push(next);
      end = next.end;
      if (next.chapter) chapter = next.chapter;
      else if (next.missingChapter) chapter = undefined;
    }
    const onlyChapters = items.every((it) => it.chapterOnly);
    // Law designation after the group.
    let k = end;
    if (isWord(toks.t(k), 'i') || (isNum(toks.t(k)) && toks.t(k).v === '1' && isWord(toks.t(k + 1)) && !isWord(toks.t(k + 1), 'kap'))) k += 1;
    if (isWord(toks.t(k), 'den')) k += 1;
    let law: ResolvedLaw | undefined;
    let mention: Mention | undefined;
    let backRef = false;
    let gEnd = toks.t(end - 1).e;
    let unknownAbbr: string | undefined;
    let unknownLaw = false;
    if (isSym(toks.t(k), '.') && toks.t(k + 1) && mentionAt.has(toks.t(k + 1).s)) k += 1;
    const m = toks.t(k) ? mentionAt.get(toks.t(k).s) : undefined;
    if (m && m.law) {
      law = m.law;
      mention = m;
      gEnd = m.e;
      end = tokAt(toks, m.e, k);
      usedAfter.add(m);
    } else if (
      toks.t(k) &&
      ((isWord(toks.t(k), 'samma') || isWord(toks.t(k), 'denna') || isWord(toks.t(k), 'namnda') || isWord(toks.t(k), 'sistnamnda')) &&
        isWord(toks.t(k + 1)) && /^(lag|lagen|forordning|forordningen|balk|balken|forfattning)$/.test(toks.t(k + 1).v))
    ) {
      backRef = true;
      gEnd = toks.t(k + 1).e;
      end = k + 2;
    } else if (isWord(toks.t(k), 'lagen') && !isSym(toks.t(k + 1), '(')) {
      backRef = true;
      gEnd = toks.t(k).e;
      end = k + 1;
    } else if (isWord(toks.t(k)) && /(?:lagen|balken|forordningen|kungorelsen|stadgan)$/.test(toks.t(k).v) && toks.t(k).v.length > 7) {
      // A law named by a name the registry does not know ("23 § okändalagen"): not the context law.
      unknownLaw = true;
    } else if (toks.t(end) && isWord(toks.t(end)) && /^\p{Lu}[\p{L}]{1,7}$/u.test(toks.t(end).raw) && (toks.t(end).raw.match(/\p{Lu}/gu)?.length ?? 0) >= 2 && !isNum(toks.t(end + 1)) && !isSym(toks.t(end + 1), '-')) {
      unknownAbbr = toks.t(end).raw;
    }
    if (!law && !backRef) {
      // Law named right before: "Hälso- och sjukvårdslagen (2017:30) 3 kap. 1 §", "SoL 4 kap. 1 §".
      const before = mentionEndingAt.get(toks.t(i - 1)?.e ?? -1);
      if (before && before.law && !usedAfter.has(before) && toks.t(i).sp && !/[.;]/.test(p.slice(before.e, t.s))) {
        law = before.law;
        mention = before;
      }
    }
    if (onlyChapters && !law && !backRef) {
      i += 1;
      continue;
    }
    let targets: Target[];
    let missing = false;
    if (items.length === 1) {
      targets = first.targets;
      missing = first.missingChapter;
    } else {
      targets = [];
      for (const it of items) {
        for (const x of it.targets) targets.push(x);
        if (it.missingChapter) missing = true;
      }
    }
    const group: ProvisionGroup = { s: mention && mention.e <= t.s ? mention.s : t.s, e: gEnd, targets, missingChapter: missing, backRef, unknownLaw };
    if (law) {
      group.law = law;
      group.mention = mention;
    }
    if (unknownAbbr) group.unknownAbbr = unknownAbbr;
    groups.push(group);
    i = Math.max(end, i + 1);
  }
  return { groups };
}

function tokAt(toks: TokenList, offset: number, from: number): number {
  let k = from;
  while (k < toks.length && toks.s(k) < offset) k += 1;
  return k;
}

function nextIsLaw(toks: TokenList, k: number, mentionAt: Map<number, Mention>): boolean {
  let j = k;
  if (isWord(toks.t(j), 'i')) j += 1;
  return toks.t(j) !== undefined && (mentionAt.has(toks.t(j).s) || isWord(toks.t(j), 'samma') || isWord(toks.t(j), 'denna'));
}
