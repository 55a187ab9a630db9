/**
 * Making OCR-damaged display strings (titles) readable again: restore å/ä/ö
 * that OCR dropped ("utvardering" → "utvärdering") or misread ("féltassistenter",
 * "Socialndmnden"), using the spellings the document itself uses elsewhere and a
 * small lexicon of council words. Only used for display values (title, motion
 * title); offsets never depend on it.
 */
import { fold } from './fold';

/** Frequent council words whose diacritics OCR loses. Keyed by their folded form. */
const LEXICON = [
  'på', 'från', 'för', 'är', 'över', 'även', 'när', 'också', 'så', 'då', 'både', 'får', 'mål', 'många', 'ändå',
  'nämnd', 'nämnden', 'nämnder', 'nämnderna', 'förvaltning', 'förvaltningen', 'förvaltningens', 'förslag',
  'förslaget', 'ärende', 'ärendet', 'ärenden', 'ärendets', 'tjänsteutlåtande', 'tjänsteutlåtandet', 'socialtjänst',
  'socialtjänsten', 'socialtjänstens', 'socialtjänstlagen', 'jämställdhet', 'jämställdhetsanalys', 'utvärdering',
  'utvärdera', 'fältassistenter', 'fältarbete', 'kommunfullmäktige', 'stadsdelsnämnd', 'stadsdelsförvaltning',
  'äldre', 'äldreomsorg', 'äldreomsorgen', 'återinför', 'återinföra', 'åtgärder', 'åtgärd', 'överlämnar', 'godkänner',
  'förbättra', 'förbättringar', 'förebyggande', 'förskola', 'förskolor', 'förskolan', 'möjlighet', 'möjligheter',
  'stöd', 'hälsa', 'hälso', 'sjukvård', 'miljö', 'trafik', 'kostnadsfri', 'kostnadsfria', 'tillgänglighet',
  'tillgängliga', 'trygghet', 'tryggare', 'ökad', 'ökade', 'öka', 'minska', 'säkerhet', 'säkerställa', 'bostäder',
  'lägenheter', 'skärpt', 'införa', 'införande', 'utökad', 'utöka', 'gång', 'cykel', 'barnrättsanalys', 'självständig',
  'medborgare', 'människor', 'unga', 'våld', 'våldsbejakande', 'ungdomsmottagningar', 'fritidsgårdar',
  'fältverksamhet', 'fältverksamheten', 'avgiftsfri', 'tjänster', 'ekonomiskt', 'bistånd', 'försörjningsstöd',
  'särskilt', 'särskilda', 'boende', 'vårdnad', 'umgänge', 'anhöriga', 'anhörigstöd', 'skolmåltider', 'gäller',
  'gällande', 'angående', 'avseende', 'rörande', 'därför', 'därmed', 'enligt', 'bättre', 'större', 'mindre',
  'lösningar', 'växande', 'ställning', 'översyn', 'uppföljning', 'införs',
];

const LEX = new Map<string, string>();
for (const w of LEXICON) LEX.set(fold(w), w);

/** Folded pairs that are both real words: never "restore" these blindly. */
const AMBIGUOUS = new Set(['har', 'var', 'man', 'mal', 'sa', 'ta', 'bor', 'far', 'ater', 'an', 'alla', 'ara', 'fora',
  'lat', 'tva', 'vag', 'sma', 'halla', 'rad', 'ratt', 'mota', 'hor', 'gor', 'for_']);

/** OCR stand-ins for ä/å/ö inside a word ("féltassistenter", "utvirdering", "Socialndmnden"). */
function ocrKeys(word: string): string[] {
  const f = fold(word);
  const keys = [f];
  // é in the middle of a Swedish word is nearly always a misread ä
  if (/é\p{L}/u.test(word)) keys.push(fold(word.replace(/é(?=\p{L})/gu, 'ä')));
  return keys;
}

/**
 * Restore diacritics in `phrase` from the spellings used in `text` (which may
 * itself be OCR'd: mid-word "é" counts as "ä") and the lexicon.
 */
export function restoreDiacritics(phrase: string, text: string): string {
  const vocab = new Map<string, Map<string, number>>();
  const limit = Math.min(text.length, 200_000);
  for (const m of text.slice(0, limit).matchAll(/\p{L}+/gu)) {
    let w = m[0];
    if (!/[åäöÅÄÖé]/.test(w)) continue;
    w = w.replace(/é(?=\p{L})/gu, 'ä');
    if (!/[åäöÅÄÖ]/.test(w)) continue;
    const k = fold(w);
    const lw = w.toLowerCase();
    const counts = vocab.get(k) ?? new Map<string, number>();
    counts.set(lw, (counts.get(lw) ?? 0) + 1);
    vocab.set(k, counts);
  }
  const best = (k: string): string | undefined => {
    const c = vocab.get(k);
    if (c) return [...c.entries()].sort((a, b) => b[1] - a[1])[0][0];
    return LEX.get(k);
  };
  return phrase.replace(/\p{L}+/gu, (w) => {
    if (/[åäöÅÄÖ]/.test(w)) return w;
    for (const k of ocrKeys(w)) {
      if (AMBIGUOUS.has(k)) return w;
      const r = best(k);
      if (r) return matchCase(r, w);
    }
    return w;
  });
}

function matchCase(target: string, like: string): string {
  if (like === like.toUpperCase() && like.length > 1) return target.toUpperCase();
  if (like[0] === like[0].toUpperCase()) return target[0].toUpperCase() + target.slice(1);
  return target;
}
