/**
 * Authorities (nämnder, styrelser) and their proper Swedish spelling.
 * A recognised authority is reported in its official form even when the text
 * has it OCR-damaged ("Socialndmnden" → "Socialnämnden") or in another
 * grammatical form ("Hägersten-Älvsjö stadsdelsnämnden" → "... stadsdelsnämnd").
 */
import { fold, ocrTolerant } from './fold';

/** Stockholm's stadsdelsnämnder, current and former (the district part of the name). */
const DISTRICTS = [
  'Bromma', 'Enskede-Årsta-Vantör', 'Farsta', 'Hägersten-Älvsjö', 'Hässelby-Vällingby', 'Kungsholmen',
  'Norrmalm', 'Rinkeby-Kista', 'Skarpnäck', 'Skärholmen', 'Spånga-Tensta', 'Södermalm', 'Östermalm',
  'Hägersten-Liljeholmen', 'Älvsjö', 'Järva',
];

/** Genitive form used in "Kungsholmens stadsdelsnämnd". */
function genitive(district: string): string {
  if (/[sxz]$/i.test(district)) return district;
  return `${district}s`;
}

/** District names that Stockholm writes without genitive ("Bromma stadsdelsnämnd", "Hägersten-Älvsjö stadsdelsnämnd"). */
const NO_GENITIVE = new Set(['Bromma', 'Farsta', 'Hägersten-Älvsjö', 'Hässelby-Vällingby',
  'Rinkeby-Kista', 'Spånga-Tensta', 'Hägersten-Liljeholmen', 'Älvsjö', 'Järva']);

/** Specialist bodies, in their official (definite) form. */
const BODIES = [
  'Kommunfullmäktige', 'Kommunstyrelsen', 'Borgarrådsberedningen', 'Socialnämnden', 'Utbildningsnämnden',
  'Arbetsmarknadsnämnden', 'Kulturnämnden', 'Idrottsnämnden', 'Miljö- och hälsoskyddsnämnden',
  'Stadsbyggnadsnämnden', 'Trafiknämnden', 'Exploateringsnämnden', 'Fastighetsnämnden', 'Äldrenämnden',
  'Överförmyndarnämnden', 'Servicenämnden', 'Valnämnden', 'Revisorskollegiet', 'Stadsrevisionen',
  'Socialtjänstnämnden', 'Trafik- och renhållningsnämnden', 'Kyrkogårdsnämnden', 'Kommunstyrelsens arbetsutskott',
  'Socialnämndens arbetsutskott', 'Social- och omsorgsnämnden', 'Arbetsmarknads- och socialnämnden',
  'Kultur- och föreningsnämnden', 'Barn- och utbildningsnämnden', 'Bygg- och miljönämnden',
  'Vård- och omsorgsnämnden', 'Gymnasie- och vuxenutbildningsnämnden', 'Miljö- och byggnadsnämnden',
  'Omsorgsnämnden', 'Tekniska nämnden', 'Byggnadsnämnden', 'Miljönämnden', 'Samhällsbyggnadsnämnden',
  'Regionstyrelsen', 'Regionfullmäktige', 'Hälso- och sjukvårdsnämnden', 'Krisledningsnämnden',
];

export interface AuthorityName {
  /** Official spelling. */
  name: string;
  /** Regex source over folded text. */
  source: string;
}

function build(): AuthorityName[] {
  const out: AuthorityName[] = [];
  for (const d of DISTRICTS) {
    const official = `${NO_GENITIVE.has(d) ? d : genitive(d)} stadsdelsnämnd`;
    // "Hägersten-Älvsjö stadsdelsnämnd(en)", "Hägersten-Älvsjös stadsdelsnämnd", "stadsdelsnämnden Hägersten-Älvsjö"
    const dist = ocrTolerant(d);
    out.push({ name: official, source: `${dist}s?\\s+stadsdels(?:-\\s*)?n\\Smnd(?:en)?s?` });
    out.push({ name: official, source: `stadsdelsn\\Smnden\\s+(?:i\\s+)?${dist}(?![a-z])` });
  }
  for (const b of BODIES) {
    // definite and indefinite forms: "Socialnämnden"/"socialnämnd", "Kommunstyrelsen"/"kommunstyrelse"
    const base = ocrTolerant(b);
    let src = base;
    if (/nden$/.test(b)) src = `${base.slice(0, -2)}(?:en)?`;
    else if (/lsen$/.test(b)) src = `${base.slice(0, -1)}n?`;
    out.push({ name: b, source: `${src}s?` });
  }
  // longest names first so "Socialnämndens arbetsutskott" wins over "Socialnämnden"
  return out.sort((a, b) => b.name.length - a.name.length);
}

export const AUTHORITIES = build();

const ALL = new RegExp(`(?<![a-z0-9])(?:${AUTHORITIES.map((a) => `(${a.source})`).join('|')})(?![a-z])`, 'g');

/** Generic "Xnämnd(en)" for bodies outside the list (other municipalities). */
const GENERIC = /(?<![\p{L}])(\p{Lu}[\p{L}]*(?:-\s*och\s+\p{L}+)?(?:nämnd|nämnden|styrelsen|fullmäktige))(?![\p{L}])/gu;

export interface AuthorityHit {
  name: string;
  start: number;
  end: number;
  /** Was it the genitive form ("Socialnämndens")? Then it is probably not the authority itself. */
  genitive: boolean;
}

/** Every recognised authority mention in `text` (folded matching; offsets into the original). */
export function findAuthorities(text: string, folded: string = fold(text)): AuthorityHit[] {
  const out: AuthorityHit[] = [];
  for (const m of folded.matchAll(ALL)) {
    const idx = m.slice(1).findIndex((g) => g !== undefined);
    const a = AUTHORITIES[idx];
    const written = m[0];
    const genitive = /s$/.test(written) && !/s$/.test(fold(a.name));
    out.push({ name: a.name, start: m.index, end: m.index + written.length, genitive });
  }
  for (const m of text.matchAll(GENERIC)) {
    if (out.some((h) => m.index < h.end && h.start < m.index + m[0].length)) continue;
    const w = m[1];
    if (/^(?:Stadsdelsnämnd|Nämnd|Nämnden|Styrelsen|Fullmäktige)$/i.test(w)) continue;
    out.push({ name: w, start: m.index, end: m.index + w.length, genitive: false });
  }
  return out.sort((a, b) => a.start - b.start);
}

/** The official spelling of an authority named in `s`, if it is a recognised one. */
export function canonicalAuthority(s: string): string | undefined {
  const hits = findAuthorities(s);
  return hits.length ? hits[0].name : undefined;
}

/** Förvaltningar and kontor, and the nämnd they prepare matters for (a last resort for the authority). */
const OFFICES: [string, string][] = [
  ['Socialförvaltningen', 'Socialnämnden'],
  ['Utbildningsförvaltningen', 'Utbildningsnämnden'],
  ['Arbetsmarknadsförvaltningen', 'Arbetsmarknadsnämnden'],
  ['Kulturförvaltningen', 'Kulturnämnden'],
  ['Idrottsförvaltningen', 'Idrottsnämnden'],
  ['Äldreförvaltningen', 'Äldrenämnden'],
  ['Miljöförvaltningen', 'Miljö- och hälsoskyddsnämnden'],
  ['Serviceförvaltningen', 'Servicenämnden'],
  ['Stadsbyggnadskontoret', 'Stadsbyggnadsnämnden'],
  ['Trafikkontoret', 'Trafiknämnden'],
  ['Exploateringskontoret', 'Exploateringsnämnden'],
  ['Fastighetskontoret', 'Fastighetsnämnden'],
  ['Stadsledningskontoret', 'Kommunstyrelsen'],
];

const OFFICE_RE = new RegExp(
  `(?<![a-z])(?:${OFFICES.map(([o]) => { const t = ocrTolerant(o); return `(${t.slice(0, -2)}(?:${t.slice(-2)})?)`; }).join('|')})(?![a-z])|(?<![a-z])(?:${DISTRICTS.map((d) => `(${ocrTolerant(d)})`).join('|')})s?\\s+(?:stadsdelsf\\Srvaltning(?:en)?|sdf)(?![a-z])`,
  'g',
);

/** The nämnd behind the first förvaltning/kontor named in `text`, if any. */
export function authorityFromOffice(text: string, folded: string = fold(text)): AuthorityHit | undefined {
  OFFICE_RE.lastIndex = 0;
  const m = OFFICE_RE.exec(folded);
  if (!m) return undefined;
  const groups = m.slice(1);
  const idx = groups.findIndex((g) => g !== undefined);
  const name =
    idx < OFFICES.length
      ? OFFICES[idx][1]
      : (() => {
          const d = DISTRICTS[idx - OFFICES.length];
          return `${NO_GENITIVE.has(d) ? d : genitive(d)} stadsdelsnämnd`;
        })();
  return { name, start: m.index, end: m.index + m[0].length, genitive: false };
}
