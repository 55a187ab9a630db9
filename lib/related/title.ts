/**
 * Title and name matching that survives OCR damage and small changes of
 * wording: "Återinför Vällingbyteamet – motion från (L)" and "Motion om att
 * återinföra Vällingbyteamet" are the same motion; so are "Vetenskaplig
 * utvärdering av fältassistenter" and "Vetenskap1ig utvirdering av filtassistenter".
 * Titles become sets of word skeletons without the words every title has
 * ("motion", "om", "svar på remiss" …); two words match when equal, when one is
 * a prefix of the other (inflection: "återinför"/"återinföra"), or within one
 * edit (an OCR letter read as a consonant).
 */
import { boundedEditDistance } from '../text';
import { foldedWords, skeleton } from './fold';

/** Folded words that say nothing about which matter a title names. */
const STOP = new Set(
  [
    'motion', 'motionen', 'motioner', 'om', 'att', 'av', 'fran', 'for', 'och', 'i', 'pa', 'till', 'med', 'mot',
    'svar', 'remiss', 'remissen', 'remissvar', 'yttrande', 'over', 'angaende', 'ang', 'betraffande', 'gallande',
    'tjansteutlatande', 'utlatande', 'utlatanden', 'protokoll', 'protokollsutdrag', 'utdrag', 'ur', 'arende',
    'arendet', 'samt', 'en', 'ett', 'den', 'det', 'de', 'som', 'dnr', 'nr', 'kommunstyrelsen', 'kommunfullmaktige',
    'stadens', 'staden', 'stockholms', 'stockholm', 'stad', 'fran', 'amne', 'rubrik', 'bilaga', 'forslag',
    // party abbreviations, so "motion från (L)" adds nothing
    's', 'm', 'l', 'c', 'v', 'mp', 'kd', 'sd', 'fi',
  ],
);

/** The significant word skeletons of a title, in order, without repeats. */
export function titleTokens(title: string): string[] {
  const out: string[] = [];
  for (const w of foldedWords(title)) {
    if (STOP.has(w)) continue;
    if (w.length < 2 && !/\d/.test(w)) continue;
    const k = skeleton(w);
    if (!out.includes(k)) out.push(k);
  }
  return out;
}

/**
 * The inverted-index keys of one title token: its first and its last four
 * skeleton letters (numbers as they are). Two tokens that `tokensMatch` share
 * at least one of them unless OCR hit both ends of a word.
 */
export function tokenKeys(token: string): string[] {
  if (/^\d+$/.test(token) || token.length <= 4) return [token.slice(0, 4)];
  return [`${token.slice(0, 4)}<`, `>${token.slice(-4)}`];
}

export function tokensMatch(a: string, b: string): boolean {
  if (a === b) return true;
  if (/^\d+$/.test(a) || /^\d+$/.test(b)) return false;
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  if (short.length >= 4 && long.startsWith(short)) return true;
  const max = short.length >= 8 ? 2 : short.length >= 5 ? 1 : 0;
  return max > 0 && boundedEditDistance(a, b, max) <= max;
}

export interface TitleMatch {
  /** Dice coefficient of the matched tokens (0..1). */
  dice: number;
  /** Matched tokens over the shorter title's tokens (0..1). */
  containment: number;
  score: number;
}

/** How well two token lists match; null when they do not name the same matter. */
export function matchTitles(a: string[], b: string[]): TitleMatch | null {
  const shorter = Math.min(a.length, b.length);
  if (shorter < 2) return null;
  const used = new Set<number>();
  let matched = 0;
  for (const x of a) {
    for (let j = 0; j < b.length; j++) {
      if (used.has(j) || !tokensMatch(x, b[j])) continue;
      used.add(j);
      matched++;
      break;
    }
  }
  const dice = (2 * matched) / (a.length + b.length);
  const containment = matched / shorter;
  if (containment < 0.8 || dice < 0.5) return null;
  return { dice, containment, score: (dice + containment) / 2 };
}

/** A person's name as a comparable key: folded words' skeletons. "Anne-Lie Elfvén" → "an l efvn". */
export function nameKey(name: string): string {
  return foldedWords(name.replace(/\([^)]*\)/g, ' ')).map(skeleton).join(' ');
}

/** Whether two names are the same person: word by word, one OCR error allowed in words of five letters or more. */
export function namesMatch(a: string, b: string): boolean {
  const x = nameKey(a).split(' ').filter(Boolean);
  const y = nameKey(b).split(' ').filter(Boolean);
  if (x.length === 0 || x.length !== y.length) return false;
  return x.every((w, i) => w === y[i] || (Math.min(w.length, y[i].length) >= 5 && boundedEditDistance(w, y[i], 1) <= 1));
}

/** How many letters with Swedish diacritics a string has: a rough sign that OCR did not strip them. */
export function diacriticCount(s: string): number {
  return (s.match(/[åäöÅÄÖ]/g) ?? []).length;
}
