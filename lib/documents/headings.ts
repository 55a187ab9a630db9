/**
 * Section headings: the canonical catalogue and the finder that recognises
 * headings in OCR-damaged text ("Arendets beredning", "Jamstalldhetsanalys",
 * "Forvaltningens synpunkter och forslag") while keeping offsets into the
 * original.
 */
import type { Section } from '../analysis/schema';
import { boundedEditDistance, letterKey } from './fold';
import type { Line } from './lines';

export interface HeadingDef {
  /** Canonical id, e.g. "jamstalldhetsanalys". */
  id: string;
  /** The Swedish heading to write, e.g. "Jämställdhetsanalys". */
  label: string;
  /** Accepted wordings (proper spelling; matching folds diacritics and tolerates OCR damage). */
  variants: string[];
  /** Extra patterns over the folded letter key of the line. */
  patterns?: RegExp[];
}

export const HEADINGS: HeadingDef[] = [
  {
    id: 'forslag-till-beslut',
    label: 'Förvaltningens förslag till beslut',
    variants: [
      'Förvaltningens förslag till beslut',
      'Förslag till beslut',
      'Beslutsförslag',
      'Förslag till beslut i nämnden',
      'Kontorets förslag till beslut',
      'Stadsledningskontorets förslag till beslut',
    ],
    patterns: [/^[a-z]+s forslag till beslut$/, /^forslag till beslut (i|till) [a-z ]+$/],
  },
  {
    id: 'sammanfattning',
    label: 'Sammanfattning',
    variants: ['Sammanfattning', 'Sammanfattning av ärendet', 'Ärendet i korthet'],
  },
  { id: 'bakgrund', label: 'Bakgrund', variants: ['Bakgrund', 'Bakgrund och syfte', 'Bakgrund och uppdrag'] },
  {
    id: 'arendet',
    label: 'Ärendet',
    variants: [
      'Ärendet',
      'Ärendebeskrivning',
      'Beskrivning av ärendet',
      'Ärendets innehåll',
      'Motionen',
      'Motionens innehåll',
      'Motionens förslag',
      'Remissen',
      'Remissens förslag',
      'Utredningens förslag',
      'Remissens innehåll',
      'Remissens huvudsakliga innehåll',
    ],
  },
  {
    id: 'arendets-beredning',
    label: 'Ärendets beredning',
    variants: ['Ärendets beredning', 'Beredning', 'Beredning av ärendet', 'Ärendets handläggning'],
  },
  {
    id: 'forvaltningens-synpunkter',
    label: 'Förvaltningens synpunkter och förslag',
    variants: [
      'Förvaltningens synpunkter och förslag',
      'Förvaltningens synpunkter',
      'Förvaltningens bedömning',
      'Förvaltningens överväganden',
      'Synpunkter och förslag',
      'Mina synpunkter',
      'Våra synpunkter',
    ],
    patterns: [/^[a-z]+s (synpunkter|bedomning|overvaganden|stallningstagande)( och (forslag|bedomning))?$/],
  },
  {
    id: 'jamstalldhetsanalys',
    label: 'Jämställdhetsanalys',
    variants: [
      'Jämställdhetsanalys',
      'Jämställdhetsperspektiv',
      'Jämställdhet',
      'Jämställdhetskonsekvenser',
      'Konsekvenser för jämställdhet',
      'Jämställdhetsanalys och jämställdhetsintegrering',
    ],
  },
  {
    id: 'barnrattsanalys',
    label: 'Barnrättsanalys',
    variants: [
      'Barnrättsanalys',
      'Barnrättsperspektiv',
      'Barnperspektiv',
      'Barnkonsekvensanalys',
      'Barnets bästa',
      'Prövning av barnets bästa',
      'Konsekvenser för barn',
    ],
  },
  {
    id: 'ekonomiska-konsekvenser',
    label: 'Ekonomiska konsekvenser',
    variants: [
      'Ekonomiska konsekvenser',
      'Ekonomiska konsekvenser och finansiering',
      'Ekonomi',
      'Ekonomi och finansiering',
      'Kostnader och finansiering',
      'Finansiering',
      'Ekonomiska förutsättningar',
    ],
  },
  { id: 'beslutsunderlag', label: 'Beslutsunderlag', variants: ['Beslutsunderlag', 'Handlingar i ärendet'] },
  { id: 'bilagor', label: 'Bilagor', variants: ['Bilagor', 'Bilaga', 'Bilageförteckning', 'Bifogade handlingar'] },
  {
    id: 'beslut-sands-till',
    label: 'Beslut sänds till',
    variants: ['Beslut sänds till', 'Beslutet sänds till', 'Expedieras', 'Expediering', 'Sändlista'],
  },
  // protokoll
  { id: 'narvaro', label: 'Närvarande', variants: ['Närvarande', 'Beslutande', 'Närvarande ledamöter', 'Tjänstgörande ledamöter', 'Beslutande ledamöter'] },
  { id: 'justering', label: 'Justering', variants: ['Justering', 'Justeras', 'Justerare', 'Justeringens plats och tid', 'Utses att justera'] },
];

interface Compiled {
  def: HeadingDef;
  keys: string[];
}

function compile(defs: HeadingDef[]): Compiled[] {
  return defs.map((def) => ({ def, keys: def.variants.map(letterKey) }));
}

const BUILTIN = compile(HEADINGS);

/** The heading catalogue, with a profile's own headings merged in (theirs first). */
export function headingCatalogue(extra: HeadingDef[] = []): Compiled[] {
  return extra.length ? [...compile(extra), ...BUILTIN] : BUILTIN;
}

export function labelFor(id: string, extra: HeadingDef[] = []): string | undefined {
  return (extra.find((h) => h.id === id) ?? HEADINGS.find((h) => h.id === id))?.label;
}

const NUMBERING = /^(?:\d{1,2}(?:\.\d{1,2})*\.?|[A-Z]\.|[IVX]{1,4}\.)\s+/;

/** Does this (trimmed) line text read as one of the catalogued headings? */
export function matchHeading(raw: string, catalogue: Compiled[] = BUILTIN): HeadingDef | undefined {
  let t = raw.replace(NUMBERING, '').replace(/\s*:\s*$/, '');
  if (t.length < 3 || t.length > 80) return undefined;
  // OCR sometimes prefixes/suffixes a stray symbol ("| Bakgrund", "Bakgrund !")
  t = t.replace(/^[^\p{L}\d]+/u, '').replace(/[^\p{L}\d)]+$/u, '');
  const key = letterKey(t);
  if (!key || key.split(' ').length > 9) return undefined;
  let best: { def: HeadingDef; d: number } | undefined;
  for (const c of catalogue) {
    for (const k of c.keys) {
      const max = k.length < 6 ? 0 : k.length < 12 ? 1 : Math.floor(k.length * 0.15);
      const d = boundedEditDistance(key, k, max);
      if (d <= max && (!best || d < best.d)) best = { def: c.def, d };
    }
    if (best?.d === 0) break;
    if (!best && c.def.patterns?.some((p) => p.test(key))) best = { def: c.def, d: 1 };
  }
  return best?.def;
}

function endsSentence(s: string): boolean {
  return /[.!?:;)"”»]$/.test(s);
}

/** A line is a candidate heading when it stands alone and starts like a heading. */
function standsAlone(lines: Line[], i: number): boolean {
  const line = lines[i];
  if (!/^(?:\d{1,2}(?:\.\d{1,2})*\.?\s+)?[\p{Lu}|!]/u.test(line.text)) return false;
  if (/[,;]$/.test(line.text)) return false;
  if (i === 0 || lines[i - 1].blank) return true;
  const prev = lines[i - 1].text;
  // previous line ends a sentence, is short layout (page header, date, heading) or footnote debris ("! Utdrag ur …")
  return endsSentence(prev) || prev.length <= 40 || /^(?:[!?*¹²³]|\d{1,2})\s+\p{Lu}/u.test(prev);
}

export interface FoundHeading {
  def: HeadingDef;
  /** Offsets of the heading text itself. */
  start: number;
  end: number;
  heading: string;
  lineIndex: number;
}

/** All catalogued headings standing alone on their lines, in document order. */
export function findHeadings(lines: Line[], extra: HeadingDef[] = []): FoundHeading[] {
  const catalogue = headingCatalogue(extra);
  const out: FoundHeading[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (line.blank || line.text.length > 80) continue;
    if (!standsAlone(lines, i)) continue;
    const def = matchHeading(line.text, catalogue);
    if (def) {
      out.push({ def, start: line.contentStart, end: line.contentEnd, heading: line.text, lineIndex: i });
      continue;
    }
    // a heading broken over two short lines: "Förvaltningens förslag till" / "beslut"
    const next = lines[i + 1];
    if (next && !next.blank && next.text.length <= 30 && line.text.length <= 50 && !endsSentence(line.text)) {
      const after = lines[i + 2];
      const joined = `${line.text} ${next.text}`;
      const def2 = matchHeading(joined, catalogue);
      if (def2 && (!after || after.blank || def2.id !== 'arendet')) {
        out.push({ def: def2, start: line.contentStart, end: next.contentEnd, heading: joined, lineIndex: i + 1 });
        i++;
      }
    }
  }
  return out;
}

/** Sections from headings: each runs to the start of the next one (or the end of the text). */
export function toSections(found: FoundHeading[], textLength: number): Section[] {
  return found.map((h, i) => ({
    id: h.def.id,
    heading: h.heading,
    start: h.start,
    end: i + 1 < found.length ? found[i + 1].start : textLength,
  }));
}
