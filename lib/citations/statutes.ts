/**
 * Statute references: chapters, sections, lists and ranges, stycken and punkter,
 * attached to the law named after or before them, by context, or left without a law.
 */
import type { Target } from '../analysis/schema';
import { tokenize, type Tok } from './tokens';
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

/** Every ordinal word ends in "a" or "e" ("första", "tredje"). */
const endsInAOrE = (p: string, e: number): boolean => {
  const c = p.charCodeAt(e - 1) | 0x20;
  return c === 97 || c === 101;
};
const isNum = (t: Tok | undefined): t is Tok => t !== undefined && t.type === 'num';
// Folding keeps the length of letters other than "İ" (which no constant here contains), so a word of another length is never v.
const isWord = (t: Tok | undefined, v?: string): t is Tok => t !== undefined && t.type === 'word' && (v === undefined || (t.length === v.length && t.v === v));
const isSym = (t: Tok | undefined, v: string): boolean => t !== undefined && t.type === 'sym' && t.length === v.length && t.v === v;
const isSection = (t: Tok | undefined): boolean => t !== undefined && t.type === 'sym' && (t.v === '§' || t.v === '§§');
const isDash = (t: Tok | undefined): boolean => t !== undefined && t.type === 'sym' && (t.v === '-' || t.v === '–' || t.v === '—');
const isSep = (t: Tok | undefined): boolean => t !== undefined && ((t.type === 'sym' && t.v === ',') || (t.type === 'word' && t.length <= 10 && SEP_WORDS.has(t.v)));
/** A one-letter suffix ("3 a", "3A", "26 i") when followed by something that ends a section number. */
function letterAt(toks: Tok[], i: number): boolean {
  const t = toks[i];
  if (!t || t.type !== 'word' || t.v.length !== 1 || !/[a-z]/.test(t.v)) return false;
  if (t.sp && !/[a-z]/.test(t.raw)) {
    // "3 A §" is unusual but "3A §" is OCR-common; accept upper case only when attached.
    return false;
  }
  const n = toks[i + 1];
  return isSection(n) || isDash(n) || isSep(n) || (isWord(n) && CHAPTER_WORDS.has(n.v)) || isSym(n, '.');
}
const ordinalAt = (t: Tok | undefined): number | undefined => (t && t.type === 'word' ? ORDINALS[t.v] : undefined);
const badPrefix = (p: string, s: number): boolean => {
  const c = p[s - 1];
  return c === '-' || c === '/' || c === ':' || c === '.' || (c !== undefined && /[\p{L}\d]/u.test(c));
};

interface SecNum {
  section: string;
  sectionTo?: string;
}

/** Parse "NUM [letter]" at i; returns [value, next index]. */
function secNumAt(toks: Tok[], i: number): [string, number] | undefined {
  const t = toks[i];
  if (!isNum(t) || t.v.length > 4) return undefined;
  if (letterAt(toks, i + 1)) return [`${Number(t.v)} ${toks[i + 1].v}`, i + 2];
  return [String(Number(t.v)), i + 1];
}

/** Section list ending in § / §§: "1, 3 och 5 §§", "2–4 §§", "7 a-9 §§", "3 a §". */
function sectionListAt(toks: Tok[], i: number): [SecNum[], number] | undefined {
  const list: SecNum[] = [];
  let j = i;
  for (let guard = 0; guard < 60; guard++) {
    const a = secNumAt(toks, j);
    if (!a) return undefined;
    const item: SecNum = { section: a[0] };
    j = a[1];
    if (isDash(toks[j]) || isWord(toks[j], 'till')) {
      const b = secNumAt(toks, j + 1);
      if (b) {
        item.sectionTo = b[0];
        j = b[1];
      }
    }
    list.push(item);
    if (isSection(toks[j])) return [list, j + 1];
    if (isSep(toks[j]) && isNum(toks[j + 1])) {
      j += 1;
      continue;
    }
    if (isSym(toks[j], ',') && isWord(toks[j + 1]) && SEP_WORDS.has(toks[j + 1].v) && isNum(toks[j + 2])) {
      j += 2;
      continue;
    }
    return undefined;
  }
  return undefined;
}

/** Points after § or stycket: "2", "2, 3 eller 4 b", "2-4", "6)", "7.", "f", "punkt 3", "andra punkten". */
function pointsAt(toks: Tok[], i: number): [string[], number] | undefined {
  let j = i;
  if (isWord(toks[j], 'punkt') || isWord(toks[j], 'p')) {
    j += isSym(toks[j + 1], '.') ? 2 : 1;
  } else if (ordinalAt(toks[j]) && (isWord(toks[j + 1], 'punkten') || isWord(toks[j + 1], 'punkt'))) {
    return [[String(ordinalAt(toks[j]))], j + 2];
  }
  const points: string[] = [];
  let end = j;
  for (let guard = 0; guard < 20; guard++) {
    const t = toks[j];
    let value: string;
    let k = j + 1;
    if (isNum(t) && t.v.length <= 3 && Number(t.v) !== 0) {
      value = String(Number(t.v));
      const after = toks[k];
      const afterNext = toks[k + 1];
      // "2 b", and "4 b i denna paragraf".
      if (isWord(after) && after.v.length === 1 && /[a-h]/.test(after.v) && ((afterNext?.type !== 'word' && afterNext?.type !== 'num') || (afterNext.type === 'word' && afterNext.v === 'i'))) {
        value += ` ${after.v}`;
        k += 1;
      }
    } else if (isWord(t) && t.v.length === 1 && /[a-h]/.test(t.raw) && (isSep(toks[k]) || isSym(toks[k], ')') || toks[k] === undefined) && points.length === 0) {
      value = t.v;
    } else break;
    const nxt = toks[k];
    const nxtWord = nxt?.type === 'word' ? nxt.v : '';
    if (isSection(nxt) || CHAPTER_WORDS.has(nxtWord) || isNum(nxt) || isSym(nxt, ':') || isSym(nxt, '/')) break;
    if (/^(st|stycket|styckena|mom|kr|kronor|ar|procent|dagar|manader|veckor|timmar|personer|miljoner|tkr|mnkr)$/.test(nxtWord)) break;
    // Range of points: "2-4", "2–4".
    if (isDash(nxt) && isNum(toks[k + 1]) && !isSection(toks[k + 2]) && /^\d+$/.test(value)) {
      const to = Number(toks[k + 1].v);
      const from = Number(value);
      if (to > from && to - from <= 20) {
        for (let n = from; n <= to; n++) points.push(String(n));
        k += 2;
      } else break;
    } else if (isDash(nxt)) break;
    else points.push(value);
    j = k;
    if (isSym(toks[j], ')') || (isSym(toks[j], '.') && !isWord(toks[j + 1]) && !isNum(toks[j + 1]))) j += 1;
    end = j;
    if (isSep(toks[j]) && (isNum(toks[j + 1]) || (isWord(toks[j + 1]) && toks[j + 1].v.length === 1))) {
      j += 1;
      continue;
    }
    break;
  }
  return points.length ? [points, end] : undefined;
}

/** Stycken: "andra stycket", "första och andra styckena", "2 st.", "1 st". */
function paragraphsAt(toks: Tok[], i: number): [number[], number] | undefined {
  const ords: number[] = [];
  let j = i;
  for (let guard = 0; guard < 6; guard++) {
    const o = ordinalAt(toks[j]);
    if (o === undefined) break;
    ords.push(o);
    j += 1;
    if (isSep(toks[j]) && ordinalAt(toks[j + 1]) !== undefined) {
      j += 1;
      continue;
    }
    break;
  }
  if (ords.length) {
    if (isWord(toks[j], 'stycket') || isWord(toks[j], 'styckena')) return [ords, j + 1];
    if (isWord(toks[j], 'st')) return [ords, isSym(toks[j + 1], '.') ? j + 2 : j + 1];
    return undefined;
  }
  const t = toks[j];
  if (isNum(t) && t.v.length <= 2 && (isWord(toks[j + 1], 'st') || isWord(toks[j + 1], 'stycket'))) {
    return [[Number(t.v)], isSym(toks[j + 2], '.') ? j + 3 : j + 2];
  }
  if (isWord(t, 'stycke') && isNum(toks[j + 1]) && toks[j + 1].v.length <= 2) return [[Number(toks[j + 1].v)], j + 2];
  return undefined;
}

interface Item {
  targets: Target[];
  end: number;
  missingChapter: boolean;
  chapter?: string;
}

/** One item: "[N kap.] sections [qualifiers]" or "N kap." alone (chapterOnly). */
function itemAt(p: string, toks: Tok[], i: number, inherited: string | undefined): (Item & { chapterOnly: boolean }) | undefined {
  let j = i;
  let chapter: string | undefined;
  let missingChapter = false;
  const t = toks[i];
  if (!t) return undefined;
  if (isNum(t) && t.v.length <= 3 && !badPrefix(p, t.s)) {
    // "3 kap.", "1 a kap.", "2 Kap"
    let k = i + 1;
    let letter = '';
    if (isWord(toks[k]) && toks[k].v.length === 1 && /[a-z]/.test(toks[k].v) && isWord(toks[k + 1]) && CHAPTER_WORDS.has(toks[k + 1].v)) {
      letter = ` ${toks[k].v}`;
      k += 1;
    }
    if (isWord(toks[k]) && CHAPTER_WORDS.has(toks[k].v)) {
      chapter = String(Number(t.v)) + letter;
      j = k + 1;
      if (isSym(toks[j], '.') || isSym(toks[j], ':')) j += 1;
    }
  } else if (isWord(t, 'kap') && isSym(toks[i + 1], '.') && isNum(toks[i + 2])) {
    missingChapter = true;
    j = i + 2;
  } else return undefined;
  if (!chapter && !missingChapter && badPrefix(p, toks[j].s)) return undefined;
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
    } else if (a && isWord(toks[a[1]]) && toks[a[1]].v.length === 1 && /[a-z]/.test(toks[a[1]].v) && paragraphsAt(toks, a[1] + 1)) {
      secs = [{ section: `${a[0]} ${toks[a[1]].v}` }];
      j = a[1] + 1;
    }
  }
  if (!secs) {
    if (chapter) return { targets: [{ chapter }], end: j, missingChapter: false, chapter, chapterOnly: true };
    return undefined;
  }
  const ch = chapter ?? (missingChapter ? undefined : inherited);
  const base = (s: SecNum): Target => {
    const target: Target = ch ? { chapter: ch, section: s.section } : { section: s.section };
    if (s.sectionTo) target.sectionTo = s.sectionTo;
    return target;
  };
  const targets = secs.map(base);
  // Qualifiers apply to the last section.
  const last = targets[targets.length - 1];
  if (!last.sectionTo && isWord(toks[j], 'anvisningarna')) {
    // Old tax laws: "41 § anvisningarna punkt 4 första stycket".
    const pts = pointsAt(toks, j + 1);
    if (pts && pts[0].length === 1) {
      const par = paragraphsAt(toks, pts[1]);
      targets.pop();
      targets.push({ ...last, ...(par ? { paragraph: String(par[0][0]) } : {}), point: pts[0][0] });
      j = par ? par[1] : pts[1];
      return { targets, end: j, missingChapter, ...(chapter ? { chapter } : {}), chapterOnly: false };
    }
  }
  if (!last.sectionTo) {
    const par = paragraphsAt(toks, j);
    if (par) {
      j = par[1];
      // "första stycket första meningen"
      if (ordinalAt(toks[j]) && isWord(toks[j + 1], 'meningen')) j += 2;
      const pts = pointsAt(toks, j);
      targets.pop();
      if (pts && par[0].length === 1) {
        j = pts[1];
        for (const pt of pts[0]) targets.push({ ...last, paragraph: String(par[0][0]), point: pt });
      } else for (const n of par[0]) targets.push({ ...last, paragraph: String(n) });
      // "fjärde stycket 2 eller femte stycket", "3 st. och 4 st."
      for (let guard = 0; guard < 6 && isSep(toks[j]); guard++) {
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
      } else if (isNum(toks[j]) && isWord(toks[j + 1], 'mom')) {
        j += isSym(toks[j + 2], '.') ? 3 : 2;
      }
    }
  }
  return { targets, end: j, missingChapter, ...(chapter ? { chapter } : {}), chapterOnly: false };
}

/**
 * Provision groups of one paragraph: consecutive items joined by ",", "och",
 * "samt", "eller", with the law designation that follows or precedes them.
 */
export function findProvisions(p: string, mentions: Mention[]): { groups: ProvisionGroup[]; toks: Tok[] } {
  const toks = tokenize(p);
  const groups: ProvisionGroup[] = [];
  const mentionAt = new Map<number, Mention>();
  const mentionEndingAt = new Map<number, Mention>();
  for (const m of mentions) {
    mentionAt.set(m.s, m);
    mentionEndingAt.set(m.e, m);
  }
  const tokAt = (offset: number, from: number): number => {
    let k = from;
    while (k < toks.length && toks[k].s < offset) k += 1;
    return k;
  };
  const usedAfter = new Set<Mention>();
  let i = 0;
  while (i < toks.length) {
    const t = toks[i];
    if (t.type === 'word' && t.length >= 4 && t.length <= 9 && endsInAOrE(p, t.e) && i > 0 && toks[i - 1].type === 'word' && toks[i - 1].length <= 6 && ORDINALS[t.v] !== undefined && BARE_CUES.has(toks[i - 1].v)) {
      // "i första stycket", "enligt tredje stycket 2, 3 eller 4 b": the current section's stycke; no law.
      const par = paragraphsAt(toks, i);
      if (par && isWord(toks[par[1] - 1])) {
        let j = par[1];
        const targets: Target[] = [];
        const pts = par[0].length === 1 ? pointsAt(toks, j) : undefined;
        if (pts) {
          j = pts[1];
          for (const pt of pts[0]) targets.push({ paragraph: String(par[0][0]), point: pt });
        } else for (const n of par[0]) targets.push({ paragraph: String(n) });
        groups.push({ s: t.s, e: toks[j - 1].e, targets, missingChapter: false, backRef: false, unknownLaw: true, relative: true });
        i = j;
        continue;
      }
    }
    if (t.type !== 'num' && !(t.type === 'word' && t.length === 3 && t.v === 'kap')) {
      i += 1;
      continue;
    }
    // Colon form "4:1 SoL".
    if (isNum(t) && isSym(toks[i + 1], ':') && isNum(toks[i + 2]) && !toks[i + 1].sp && !toks[i + 2].sp && t.v.length <= 2 && toks[i + 2].v.length <= 3 && !badPrefix(p, t.s)) {
      const after = toks[i + 3];
      const m = after ? mentionAt.get(after.s) : undefined;
      if (m && m.law && (m.kind === 'abbr' || m.kind === 'name')) {
        groups.push({ s: t.s, e: m.e, targets: [{ chapter: String(Number(t.v)), section: String(Number(toks[i + 2].v)) }], missingChapter: false, law: m.law, mention: m, backRef: false, unknownLaw: false });
        i = tokAt(m.e, i + 3);
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
      if (!isSep(toks[k])) break;
      k += 1;
      if (isSym(toks[k - 1], ',') && isWord(toks[k]) && SEP_WORDS.has(toks[k].v)) k += 1;
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
    if (isWord(toks[k], 'i') || (isNum(toks[k]) && toks[k].v === '1' && isWord(toks[k + 1]) && !isWord(toks[k + 1], 'kap'))) k += 1;
    if (isWord(toks[k], 'den')) k += 1;
    let law: ResolvedLaw | undefined;
    let mention: Mention | undefined;
    let backRef = false;
    let gEnd = toks[end - 1].e;
    let unknownAbbr: string | undefined;
    let unknownLaw = false;
    if (isSym(toks[k], '.') && toks[k + 1] && mentionAt.has(toks[k + 1].s)) k += 1;
    const m = toks[k] ? mentionAt.get(toks[k].s) : undefined;
    if (m && m.law) {
      law = m.law;
      mention = m;
      gEnd = m.e;
      end = tokAt(m.e, k);
      usedAfter.add(m);
    } else if (
      toks[k] &&
      ((isWord(toks[k], 'samma') || isWord(toks[k], 'denna') || isWord(toks[k], 'namnda') || isWord(toks[k], 'sistnamnda')) &&
        isWord(toks[k + 1]) && /^(lag|lagen|forordning|forordningen|balk|balken|forfattning)$/.test(toks[k + 1].v))
    ) {
      backRef = true;
      gEnd = toks[k + 1].e;
      end = k + 2;
    } else if (isWord(toks[k], 'lagen') && !isSym(toks[k + 1], '(')) {
      backRef = true;
      gEnd = toks[k].e;
      end = k + 1;
    } else if (isWord(toks[k]) && /(?:lagen|balken|forordningen|kungorelsen|stadgan)$/.test(toks[k].v) && toks[k].v.length > 7) {
      // A law named by a name the registry does not know ("23 § okändalagen"): not the context law.
      unknownLaw = true;
    } else if (toks[end] && isWord(toks[end]) && /^\p{Lu}[\p{L}]{1,7}$/u.test(toks[end].raw) && (toks[end].raw.match(/\p{Lu}/gu)?.length ?? 0) >= 2 && !isNum(toks[end + 1]) && !isSym(toks[end + 1], '-')) {
      unknownAbbr = toks[end].raw;
    }
    if (!law && !backRef) {
      // Law named right before: "Hälso- och sjukvårdslagen (2017:30) 3 kap. 1 §", "SoL 4 kap. 1 §".
      const before = mentionEndingAt.get(toks[i - 1]?.e ?? -1);
      if (before && before.law && !usedAfter.has(before) && toks[i].sp && !/[.;]/.test(p.slice(before.e, t.s))) {
        law = before.law;
        mention = before;
      }
    }
    if (onlyChapters && !law && !backRef) {
      i += 1;
      continue;
    }
    const targets = items.flatMap((it) => it.targets);
    groups.push({
      s: mention && mention.e <= t.s ? mention.s : t.s,
      e: gEnd,
      targets,
      missingChapter: items.some((it) => it.missingChapter),
      ...(law ? { law, mention } : {}),
      backRef,
      ...(unknownAbbr ? { unknownAbbr } : {}),
      unknownLaw,
    });
    i = Math.max(end, i + 1);
  }
  return { groups, toks };
}

function nextIsLaw(toks: Tok[], k: number, mentionAt: Map<number, Mention>): boolean {
  let j = k;
  if (isWord(toks[j], 'i')) j += 1;
  return toks[j] !== undefined && (mentionAt.has(toks[j].s) || isWord(toks[j], 'samma') || isWord(toks[j], 'denna'));
}
