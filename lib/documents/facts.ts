/** Facts of a council document: title, date, authority, officer, motion, proposals. */
import type { DocumentFacts, DocumentKind } from '../analysis/schema';
import { authorityFromOffice, canonicalAuthority, findAuthorities } from './authorities';
import { findCaseNumbers } from './case-numbers';
import { findDates } from './dates';
import { squash } from './fold';
import type { FoundHeading } from './headings';
import { TO_LABEL, type Line } from './lines';
import { findPersons, PARTY_FULL, uniquePersons } from './persons';
import { restoreDiacritics } from './repair';
import { fold } from './fold';

export interface FactsInput {
  text: string;
  folded: string;
  lines: Line[];
  flines: string[];
  headings: FoundHeading[];
  kind: DocumentKind;
  /** Line index where the body starts (first section heading). */
  headEnd: number;
}

// ---------------------------------------------------------------------------
// Lines of the document head that are layout, not title

const LABEL_LINE =
  /^(?:handl\S+ggare|telefon|tel\.?|tfn|e-?post|mejl|till|datum|dnr|diarienummer|v\S+r\s+beteckning|er\s+beteckning|sida|sidan|bilaga|kopia|tj\S+nsteutl\S+tande|tj\S+nsteskrivelse|utl\S+tande|pm|promemoria|yttrande|remissvar|svar\s+p\S\s+remiss|remiss\s+fr\S+n|sammantr\S+de|protokoll|samm\S+ntr\S+desprotokoll|protokollsutdrag|expedieras|\S+rende\s+\d|dokumenttyp|beslutsinstans|nr\b|version|diarienr|motion\s+till\s+kommunfullm\S+ktige$|inkom|svar\s+senast|ert\s+datum|v\S+r\s+referens)/;

const PAGE_DEBRIS = /^(?:sida|sidan)\s*\d+\s*(?:\(|av)\s*\d+\)?$|^\d+\s*\(\d+\)$|^\d+$|^[!?*¹²³]\s|^-\s*\d+\s*-$/;

function isLayoutLine(t: string, ft: string): boolean {
  if (PAGE_DEBRIS.test(ft)) return true;
  if (LABEL_LINE.test(ft)) return true;
  if (/^[\d\s\-–/.:]+$/.test(ft)) return true; // dates, numbers
  if (/@|https?:\/\/|www\./.test(ft)) return true;
  if (/^(?:0\d{1,3}[-\s]?\d|\+46)/.test(ft)) return true; // phone
  if (/\bv\d+\.\d+\b|^[a-z]{2,5}\d{3,}\b|^(?:postadress|besoksadress|org\.?\s*nr|organisationsnummer|vaxel|fax)\b/.test(ft)) return true; // template codes, addresses
  if (/^(?:din\s+position:|hoppa\s+over\s+navigering|det\s+finns\s+ingen\s+information|inget\s+protokoll\s+har|mote\s+\d{4}|anslag$|\S+\s*\|)/.test(ft)) return true; // web page furniture
  if (findCaseNumbers(t).some((c) => c.end - c.start >= t.length - 6)) return true;
  if (findDates(t).some((d) => d.end - d.start >= t.length - 12)) return true;
  return false;
}

/** Lines that are an authority or förvaltning name alone. */
function isAuthorityLine(t: string): boolean {
  const c = canonicalAuthority(t);
  if (c && fold(t).replace(/[^a-z]/g, '').length <= fold(c).replace(/[^a-z]/g, '').length + 4) return true;
  if (/^(?:avdelningen|enheten|sektionen|staben|kansliet|verksamhetsområde)\b|(?:avdelningen|avdelning|enheten|staben|kansliet)$/iu.test(t)) return true;
  return /^(?:[\p{L}-]+\s+)?(?:stadsdelsf\S+rvaltning(?:en)?|\p{L}*f\S+rvaltningen|\p{L}*kontoret|stadsledningskontoret|\p{L}+s\s+kommun|stockholms\s+stad|region\s+\p{L}+)$/iu.test(t);
}

/** A title line ending in a preposition or "och": the next line goes on the title, whatever it is ("… i" / "Stockholms stad"). */
const ENDS_IN_PREPOSITION = /\s(?:i|av|f\S+r|om|med|till|p\S|vid|fr\S+n|mot|mellan|inom|hos|enligt|och)$/iu;
/**
 * A subtitle on a line of its own under the title: a capitalised verbal noun and a preposition ("Godkännande av
 * förfrågningsunderlag", "Genomförande av …"). Other lines that start with a capital go on the title ("Stockholms
 * stad", "Hässelby strand", "LSS och …").
 */
const SUBTITLE = /^\p{Lu}\p{Ll}+(?:ande|ende)\s+(?:av|om|f\S+r|till|p\S|med|inom|ang\S+ende)\s/u;

/** Title: the first real line(s) of the head, joined when the title wraps. */
export function findTitle(inp: FactsInput, officerLines: Set<number>): { title: string | null; line?: Line; raw?: string } {
  const { lines, flines, headEnd, kind } = inp;
  // a remissvar names the matter it answers: "Svar på remiss av motion om …", "Remiss av …", "Yttrande över …"
  // a protokoll is titled by its head: "Protokoll nr 5/2024 fört vid sammanträde med …"
  const special =
    kind === 'remissvar' || kind === 'remiss'
      ? /^(?:\d+\s+)?(?:svar\s+p\S\s+remiss|remiss|yttrande)\s+(?:av|om|\S+ver|ang\S+ende|g\S+llande)\s+\S/
      : kind === 'protokoll'
        ? /^(?:\d+\s+)?(?:samm\S+ntr\S+desprotokoll|protokoll|utdrag\s+ur\s+protokoll|protokollsutdrag)\b/
        : null;
  if (special) {
    for (let i = 0; i < Math.min(headEnd, lines.length, 40); i++) {
      if (lines[i].blank || !special.test(flines[i].trim())) continue;
      let raw = lines[i].text;
      for (let j = i + 1; j < Math.min(headEnd, lines.length) && !lines[j].blank && j <= i + 2; j++) {
        const nft = flines[j].trim();
        if (isLayoutLine(lines[j].text, nft) || /^(?:svar\s+p\S\s+remiss|remiss\s+fr\S+n|yttrande\s+till)/.test(nft)) break;
        if (/[.!?]$/.test(raw)) break;
        raw += ` ${lines[j].text}`;
      }
      return { title: raw, line: lines[i], raw };
    }
  }
  /** The last content line was passed over as the name of a förvaltning or unit (which may wrap). */
  let afterAuthority = false;
  for (let i = 0; i < Math.min(headEnd, lines.length); i++) {
    const l = lines[i];
    if (l.blank) {
      afterAuthority = false;
      continue;
    }
    if (officerLines.has(i)) continue;
    const ft = flines[i].trim();
    // ("Avdelningen för stadsövergripande" / "sociala frågor": the unit's name goes on; the line after "Till" is the
    // addressee: "Till" / "Hässelby-Vällingby" / "stadsdelsnämnd")
    const continues: boolean = afterAuthority && /^\p{Ll}/u.test(l.text);
    const addressee = i > 0 && TO_LABEL.test(flines[i - 1].trim());
    afterAuthority = isAuthorityLine(l.text) || continues || addressee;
    if (afterAuthority || isLayoutLine(l.text, ft)) continue;
    if (l.text.length < 4) continue;
    if (/[.]$/.test(l.text) && l.text.split(/\s+/).length > 6 && l.text.length < 120) continue; // a sentence, not a title
    if (/^(?:stockholm|[\p{L}-]+)\s+den\s+\d/iu.test(l.text)) continue;
    // "Återinför Vällingbyteamet – motion från (L)"; join wrapped continuation lines
    let raw = l.text;
    let j = i + 1;
    while (j < headEnd && !lines[j].blank && raw.length < 200) {
      const nt = lines[j].text;
      const nft = flines[j].trim();
      // (a name after a preposition is part of the title: "… i" / "Stockholms stad")
      if (isLayoutLine(nt, nft) || (isAuthorityLine(nt) && !ENDS_IN_PREPOSITION.test(raw))) break;
      if (/^(?:svar\s+p\S\s+remiss|yttrande\s+(?:till|\S+ver)|remiss\s+fr\S+n)/.test(nft)) break;
      // continuation: previous line does not end a sentence, and this one is no subtitle ("Godkännande av …")
      if (/[.!?]$/.test(raw)) break;
      if (SUBTITLE.test(nt)) break;
      raw += ` ${nt}`;
      j++;
    }
    return { title: raw, line: l, raw };
  }
  return { title: null };
}

/** Cut a title out of a flattened head (a whole page on one line, as the web mirrors have it). */
function cutFlattened(t: string): string {
  let s = t.replace(/^\d{1,3}\s+(?=\p{L})/u, '');
  s = s.replace(/^(?:Utlåtande|PM|Promemoria)\s+\d{4}:?\d*\s+R[IVX+]+\s*(?:\(Dnr[^)]*\)\s*)?/u, '');
  s = s.replace(/^Bilaga\s+[\d:]+\s+till\s+\S+\s+protokoll\s+den\s+\d{1,2}\s+\p{L}+\s+\d{4},?\s*(?:\d+\s+)?/u, '');
  s = s.replace(/^(?:PM|Promemoria)\s+\d{4}\s+R[IVX+]+\s*(?:\(Dnr[^)]*\)\s*)?/u, '');
  const cut = /\s(?:Motion\s+(?:\(\d{4}:\d+\)\s+)?av\s|Kommunstyrelsen\s+föreslår|Borgarrådsberedningen\s+föreslår|Remiss\s+från\s|Förslag\s+till\s+beslut|Sammanfattning\b|Föredragande\s|Ärendet\s|Beslutsförslag\b|Bakgrund\s)/u.exec(s);
  if (cut && cut.index > 3) s = s.slice(0, cut.index);
  if (s.length > 160) {
    const dot = s.search(/[.!?]\s/);
    s = dot > 10 && dot < 160 ? s.slice(0, dot + 1) : s.slice(0, s.lastIndexOf(' ', 150)) + ' …';
  }
  return s.trim();
}

const TRAILING_HEADING = /\s+(?:Sammanfattning|Förslag till beslut|Beslutsförslag|Bakgrund|Ärendet)$/u;

const TITLE_PREFIX =
  /^(?:\d+\s+)?(?:svar\s+p[åa\S]\s+remiss\s+(?:av|om|ang\S+ende|g\S+llande|r\S+rande)?\s*|remiss\s+(?:av|om|ang\S+ende|g\S+llande)\s+|remissvar\s+(?:[-–:]\s*|(?:av|om|ang\S+ende|g\S+llande)\s+)?|yttrande\s+(?:\S+ver|till\s+\S+\s+(?:om|\S+ver|ang\S+ende))\s+)/i;

/** The display title: for a remissvar, the matter it answers. Diacritics restored when OCR dropped them. */
export function cleanTitle(raw: string, kind: DocumentKind, text: string): string {
  let t = squash(raw).replace(/[\s,;:–-]+$/, '');
  if (t.length > 120) t = cutFlattened(t);
  t = t.replace(TRAILING_HEADING, '');
  if (kind === 'remissvar' || kind === 'remiss') {
    const f = fold(t);
    const m = TITLE_PREFIX.exec(f);
    if (m && m[0].length < t.length - 3) t = t.slice(m[0].length);
  }
  t = t.replace(/^(?:\d+\s+)(?=\p{L})/u, '');
  t = t.charAt(0).toUpperCase() + t.slice(1);
  return restoreDiacritics(t, text);
}

// ---------------------------------------------------------------------------
// Date

const NOT_OWN_DATE =
  /sammantr\S+de|m\S+te\b|svar\s+senast|senast|inkom|inkommen|daterad|bordlag|beslutade|beslut\s|\bkl\.?\s|klockan|§|anslag|justering|ers\S+ttning|version|v\d|ubk\d|tid\s+f\S+r|\bfr\.?o\.?m|t\.?o\.?m|giltig|reviderad|antagen|fastst\S+lld|ikrafttr|g\S+ller\s+fr/;
const PROTOKOLL_DATE = /sammantr\S+desdatum|sammantr\S+de\b|m\S+te\b|protokoll|datum|plats\s+och\s+tid|titel/;

export function findOwnDate(inp: FactsInput): string | null {
  const { lines, flines, kind, headEnd } = inp;
  const limit = Math.min(lines.length, Math.max(headEnd, 12) + 2, 80);
  // 1. a date standing alone (or with "Datum"/place) in the document head
  for (let pass = 0; pass < 2; pass++) {
    for (let i = 0; i < limit; i++) {
      const l = lines[i];
      const ft = flines[i].trim();
      // A protokoll's opening line may be long: "fört vid sammanträde med … tisdagen den 16 april 2024 kl. 18.00".
      if (l.blank || (l.text.length > 90 && !(kind === 'protokoll' && /sammantr/.test(ft)))) continue;
      const ds = findDates(l.text);
      if (!ds.length) continue;
      if (kind === 'protokoll') {
        if (pass === 0 && !PROTOKOLL_DATE.test(ft) && !isStandaloneDate(l.text, ds[0].start, ds[0].end)) continue;
        return ds[0].iso;
      }
      if (NOT_OWN_DATE.test(ft) && !/^datum\b/.test(ft)) continue;
      // the previous line may be a label that disqualifies it ("Svar senast" / "Sammanträdesdatum")
      const prev = i > 0 ? flines[i - 1].trim() : '';
      if (/^(?:svar\s+senast|sammantr\S+desdatum|sammantr\S+de|m\S+tesdatum|inkom|senast)$/.test(prev)) continue;
      if (pass === 0 && !isStandaloneDate(l.text, ds[0].start, ds[0].end)) continue;
      if (pass === 1 && l.text.length > 60) continue;
      return ds[0].iso;
    }
  }
  // 2. motion/skrivelse: "Stockholm den 30 januari 2023" near the signatures
  if (kind === 'motion' || kind === 'skrivelse' || kind === 'unknown') {
    for (let i = lines.length - 1, n = 0; i >= 0 && n < 25; i--) {
      if (lines[i].blank) continue;
      n++;
      const t = lines[i].text;
      if (/^(?:Stockholm|[\p{Lu}][\p{L}-]+)\s+den\s+\d/u.test(t) || /^\d{4}-\d\d-\d\d$/.test(t)) {
        const ds = findDates(t);
        if (ds.length) return ds[0].iso;
      }
    }
  }
  return null;
}

/**
 * A date the document implies without stating its own, for reading law names at the right time (not
 * a fact of the document: `date` stays null). In order: the meeting it was prepared for or belongs to,
 * in its head ("Handlingar till Socialnämndens sammanträde den 29 augusti 2013", "Bilaga 6:7 till
 * kommunstyrelsens protokoll den 19 mars 2003": written shortly before, so `exact`); else the year
 * of its own number ("Utlåtande 2012:124", "PM 2016:122") or of its diarienummer ("(Dnr /2016)",
 * "Dnr KS 2023/105") at the very start: that year, not a day in it (`iso` is its last day); between the
 * two, the first dated tjänsteskrivelse or tjänsteutlåtande the text names (as its Beslutsunderlag does),
 * else a web page's "Senast uppdaterad: 2026-02-03".
 * `basis` says in Swedish what the date was read from.
 */
export interface ImpliedDate {
  iso: string;
  exact: boolean;
  basis: string;
}

const MEETING_BEFORE = /(?:sammantr\S*de(?:t|ts)?|protokoll(?:et)?)\s+(?:\S+dagen\s+)?(?:den\s+)?$/;
const OWN_NUMBER = /^\s*(?:\d{1,3}\s+)?(?:utl\S{1,2}tande|pm|promemoria|tj\S{1,2}nsteutl\S{1,2}tande|tj\S{1,2}nsteskrivelse|skrivelse|yttrande)\s+((?:19|20)\d{2})\s?:\s?\d{0,4}/;
const PAPER_DATED = /tj\S{1,2}nste(?:skrivelse|utl\S{1,2}tande)n?\s(?:den\s|daterad\s|daterat\s|dat\.\s?)?(?=\d)/;
const PAGE_DATED = /(?:senast\s+)?(?:uppdaterad|publicerad)\s?:?\s{0,3}(?:den\s)?(?=\d)/;
const OWN_DNR = /\b(?:dnr|diarienummer|diarienr)\.?:?\s{0,2}(?:[a-z]{1,4}\s)?[\d.-]{0,12}[/-]?((?:19|20)\d{2})(?!\d)/;

export function findImpliedDate(inp: Pick<FactsInput, 'text' | 'folded'>): ImpliedDate | null {
  const head = inp.text.slice(0, 600);
  for (const d of findDates(head)) {
    const m = MEETING_BEFORE.exec(inp.folded.slice(Math.max(0, d.start - 40), d.start));
    if (m) return { iso: d.iso, exact: true, basis: `"${inp.text.slice(d.start - m[0].length, d.end)}"` };
  }
  const start = inp.folded.slice(0, 300);
  const own = OWN_NUMBER.exec(start);
  if (own) {
    // (the match starts the text: a page number and spaces, then the word the quote starts at)
    const quoted = inp.text.slice(own[0].search(/[a-z]/), own[0].length).trim();
    return { iso: `${own[1]}-12-31`, exact: false, basis: `året ${own[1]} i "${quoted}"` };
  }
  // "Beslutsunderlag: Kultur- och föreningsnämndens tjänsteskrivelse den 26 oktober 2011": the first such
  // date in the text (the document's own, as a rule; a date of a paper it builds on is as near in time).
  // …, or a web page's "Senast uppdaterad: 2026-02-03" / "Publicerad 3 februari 2026"
  for (const rx of [PAPER_DATED, PAGE_DATED]) {
    const hit = rx.exec(inp.folded);
    if (!hit) continue;
    const at = hit.index + hit[0].length;
    const d = findDates(inp.text.slice(at, at + 30)).find((x) => x.start === 0);
    if (d) return { iso: d.iso, exact: false, basis: `datumet i "${inp.text.slice(hit.index, at + d.end).replace(/\s+/g, ' ')}"` };
  }
  const dnr = OWN_DNR.exec(start);
  if (dnr) return { iso: `${dnr[1]}-12-31`, exact: false, basis: `året ${dnr[1]} i diarienumret` };
  return null;
}

function isStandaloneDate(t: string, s: number, e: number): boolean {
  const rest = fold(t.slice(0, s) + t.slice(e))
    .replace(/\b(?:datum|stockholm|den|dnr|diarienummer|v\S+r\s+beteckning|er\s+beteckning)\b/g, '')
    .replace(/[^a-z0-9]/g, '');
  // "2018-08-28 SN 18/0098 Socialnämnden" (Upplands-Bro head) counts too
  if (!rest) return true;
  const withoutDnr = findCaseNumbers(t).reduce((acc, c) => acc.replace(t.slice(c.start, c.end), ''), t.slice(0, s) + t.slice(e));
  const leftover = fold(withoutDnr).replace(/\b(?:datum|dnr|den)\b/g, '');
  const auth = canonicalAuthority(withoutDnr);
  const stripped = auth ? leftover.replace(/[a-z\S]*n\S*mnd\S*|kommun\S*/g, '') : leftover;
  return stripped.replace(/[^a-z0-9]/g, '').length === 0;
}

// ---------------------------------------------------------------------------
// Case numbers: the document's own first

export function orderCaseNumbers(inp: FactsInput): string[] {
  const all = findCaseNumbers(inp.text);
  const headEndOffset = inp.lines[Math.min(inp.headEnd, inp.lines.length - 1)]?.end ?? inp.text.length;
  const ranked = all.map((c, i) => {
    const lineStart = inp.text.lastIndexOf('\n', c.start) + 1;
    const lineEnd = inp.text.indexOf('\n', c.end);
    const line = fold(inp.text.slice(lineStart, lineEnd < 0 ? inp.text.length : lineEnd));
    const foreign = /remiss|motion|svar\s+p\S|fr\S+n\s+kommunstyrelsen|er\s+beteckning|ert\s+dnr|bilaga|protokoll|beslut/.test(line);
    const inHead = c.start < headEndOffset;
    const rank = (inHead ? 0 : 2) + (foreign ? 1 : 0);
    return { ref: c.ref, rank, i };
  });
  ranked.sort((a, b) => a.rank - b.rank || a.i - b.i);
  const out: string[] = [];
  for (const r of ranked) if (!out.includes(r.ref)) out.push(r.ref);
  return out;
}

// ---------------------------------------------------------------------------
// Officer (handläggare)

export function findOfficer(inp: FactsInput): { officer: DocumentFacts['officer']; lines: Set<number> } {
  const { lines, flines } = inp;
  const used = new Set<number>();
  const PHONE = /(?<!\d)(?:(?:\+46\s?|0)\d{1,3}[-–\s]?\d{2,3}(?:[\s-]?\d{2,3}){1,3}|5\d{2}\s?\d{2}\s?\d{3})(?!\d)/;
  const NAME = /^(\p{Lu}[\p{L}'-]+(?:\s+\p{Lu}[\p{L}'-]+){1,3})/u;
  const limit = Math.min(lines.length, 150);
  for (let i = 0; i < limit; i++) {
    const ft = flines[i].trim();
    const m = /^handl\S+ggare\s*:?\s*(.*)$/.exec(ft);
    if (!m) continue;
    used.add(i);
    // name on the same line ("Handläggare: Nina Simonen") or the next content line
    let rest = lines[i].text.slice(lines[i].text.length - m[1].length).trim();
    let j = i;
    if (!rest) {
      j = i + 1;
      while (j < lines.length && lines[j].blank) j++;
      rest = lines[j]?.text ?? '';
      used.add(j);
    }
    // "Verksamhetsplanerare Göran Sjöqvist, 508 08 448": drop a leading lower-cased title word
    rest = rest.replace(/^(?:[\p{L}-]+(?:are|ör|chef|handläggare|sekreterare|utredare|strateg|controller|jurist|specialist))\s+(?=\p{Lu})/u, '');
    const nm = NAME.exec(rest);
    if (!nm) continue;
    const name = nm[1].replace(/\s+(?:Telefon|Tel|Tfn)$/i, '');
    let phone: string | undefined;
    const pm = PHONE.exec(rest.slice(nm[0].length));
    if (pm) phone = pm[0].trim();
    // (a head in columns: the telephone may stand in the other column of the name's row)
    if (!phone) {
      const rowEnd = inp.text.indexOf('\n', lines[j].end);
      const pr = PHONE.exec(inp.text.slice(lines[j].end, rowEnd < 0 ? inp.text.length : rowEnd));
      if (pr) phone = pr[0].trim();
    }
    for (let k = j + 1; !phone && k < Math.min(lines.length, j + 5); k++) {
      const fk = flines[k].trim();
      const p2 = /^(?:telefon|tel|tfn|telefonnummer|direkt)\.?\s*:?\s*(.+)$/.exec(fk);
      if (p2) {
        const pm2 = PHONE.exec(lines[k].text);
        if (pm2) {
          phone = pm2[0].trim();
          used.add(k);
        }
      }
    }
    // More handläggare under the first, each a name (with a title) and a telephone, on its line or the next:
    // "Mikael Ruth, HR-strateg" / "Telefon: 08-508 25 640", "Per Berg, 08-508 25 200"
    for (let k = Math.max(j, ...used) + 1; k < Math.min(lines.length, j + 9) && NAME.test(lines[k].text); k += 1) {
      if (PHONE.test(lines[k].text)) used.add(k);
      else if (k + 1 < lines.length && PHONE.test(lines[k + 1].text)) used.add(k).add(++k);
      else break;
    }
    return { officer: phone ? { name, phone } : { name }, lines: used };
  }
  // Upplands-Bro style head without "Handläggare": a name line followed by "first.last@"
  for (let i = 0; i < Math.min(lines.length, 30); i++) {
    const em = /^([a-zåäö]+)\.([a-zåäö-]+)@/.exec(lines[i].text.toLowerCase());
    if (!em) continue;
    for (let k = Math.max(0, i - 6); k < i; k++) {
      const t = lines[k].text;
      const f = fold(t);
      if (/^\p{Lu}[\p{L}-]+\s+\p{Lu}[\p{L}-]+$/u.test(t) && f === `${fold(em[1])} ${fold(em[2])}`) {
        used.add(k);
        return { officer: { name: t }, lines: used };
      }
    }
  }
  return { officer: null, lines: used };
}

// ---------------------------------------------------------------------------
// Authority

const DECIDES = /^\s*(?:[-–•]\s*)?(?:\d+\.\s*)?$/;

export function findAuthority(inp: FactsInput, kind: DocumentKind): string | null {
  const { text, folded, lines, flines, headEnd } = inp;
  const headLimit = Math.min(lines.length, Math.max(headEnd, 10), 60);
  // 1. "Till Hägersten-Älvsjö stadsdelsnämnd" (same or next line)
  for (let i = 0; i < headLimit; i++) {
    const ft = flines[i].trim();
    if (!/^till\b/.test(ft)) continue;
    const rest = lines[i].text.replace(/^\S+\s*:?\s*/, '');
    // (the name may wrap: "Hässelby-Vällingby" / "stadsdelsnämnd")
    const next = nextText(lines, i);
    const a = (rest && canonicalAuthority(rest)) || canonicalAuthority(next) || (i + 2 < lines.length && !lines[i + 2].blank ? canonicalAuthority(`${next} ${lines[i + 2].text}`) : undefined);
    if (a) return a;
  }
  // 1b. a meeting web page: "Din position: Hem > Stockholms stad > Östermalms stadsdelsnämnd > Sammanträde …"
  const crumb = /din position:[^\n]*>\s*([^>\n]+?)\s*>\s*sammantr/.exec(folded.slice(0, 400));
  if (crumb) {
    const s0 = crumb.index + crumb[0].lastIndexOf(crumb[1], crumb[0].length - 8);
    const written = text.slice(s0, s0 + crumb[1].length);
    return canonicalAuthority(written) ?? written;
  }
  // 2. protokoll: "Protokoll fört vid sammanträde med X", "Nämnd: X", head line naming the body
  if (kind === 'protokoll' || kind === 'unknown') {
    // ("Protokoll fört vid sammanträde med X": X)
    const m = /(?:sammantr\S+de\s+med|protokoll\s+f\S+rt?(?:\s+vid\s+sammantr\S+de\s+med)?|n\S+mnd\s*\/?\s*(?:styrelse)?\s*:?|beslutsinstans\s*:?)\s*([^\n]{3,80})/.exec(folded.slice(0, 4000));
    if (m) {
      const a = canonicalAuthority(text.slice(m.index + m[0].length - m[1].length, m.index + m[0].length));
      if (a) return a;
    }
  }
  // 3. a head line that is an authority on its own
  for (let i = 0; i < headLimit; i++) {
    const t = lines[i].text;
    if (!t || t.length > 80) continue;
    if (/^(?:skrivelse|motion|remiss)\b/i.test(t)) continue;
    const hits = findAuthorities(t);
    if (hits.length && !hits[0].genitive && isAuthorityOnly(t)) return hits[0].name;
  }
  // 4. motion/skrivelse addressed: "Motion till kommunfullmäktige", "Skrivelse till socialnämnden"
  const to = /(?:motion|skrivelse|yttrande|remissvar)\s+till\s+([^\n.]{3,60})/.exec(folded.slice(0, 3000));
  if (to && (kind === 'motion' || kind === 'skrivelse')) {
    const a = canonicalAuthority(text.slice(to.index + to[0].length - to[1].length, to.index + to[0].length));
    if (a) return a;
  }
  // 5. the subject of the decision: "Socialnämnden godkänner …", "Kommunstyrelsen föreslår …"
  const decision = /(?:^|[.\n]\s*|\d\.\s+)([^\n.]{3,70}?)\s+(?:godk\S+nner|beslutar|f\S+resl\S+r|\S+verl\S+mnar|antar|till\S+styrker|avstyrker|besvarar|fastst\S+ller|noterar|l\S+gger)\b/g;
  const fHeading = inp.headings.find((h) => h.def.id === 'forslag-till-beslut');
  const scope = fHeading ? folded.slice(fHeading.end, fHeading.end + 1500) : folded.slice(0, 3000);
  const base = fHeading ? fHeading.end : 0;
  decision.lastIndex = 0;
  for (const m of scope.matchAll(decision)) {
    const subjStart = base + m.index + m[0].indexOf(m[1]);
    const subj = text.slice(subjStart, subjStart + m[1].length);
    if (DECIDES.test(subj)) continue;
    const hits = findAuthorities(subj);
    if (hits.length && !hits[hits.length - 1].genitive) return hits[hits.length - 1].name;
  }
  // 6. motion: addressed to kommunfullmäktige when the att-satser say so
  if (kind === 'motion' && /kommunfullm\S+ktige/.test(folded)) return 'Kommunfullmäktige';
  // 7. the förvaltning in the head stands for its nämnd
  const headText = text.slice(0, lines[Math.min(headLimit, lines.length - 1)]?.end ?? 0);
  const off = authorityFromOffice(headText);
  if (off) return off.name;
  // 8. first non-genitive authority in the head
  const hits = findAuthorities(headText).filter((h) => !h.genitive);
  if (hits.length && kind !== 'unknown') return hits[0].name;
  return null;
}

function nextText(lines: Line[], i: number): string {
  for (let j = i + 1; j < lines.length; j++) if (!lines[j].blank) return lines[j].text;
  return '';
}

function isAuthorityOnly(t: string): boolean {
  const withoutDnr = findCaseNumbers(t).reduce((acc, c) => acc.replace(t.slice(c.start, c.end), ''), t);
  const withoutDates = findDates(withoutDnr).reduce((acc, d) => acc.replace(withoutDnr.slice(d.start, d.end), ''), withoutDnr);
  const hits = findAuthorities(withoutDates);
  if (!hits.length) return false;
  const rest = withoutDates.slice(0, hits[0].start) + withoutDates.slice(hits[0].end);
  return fold(rest).replace(/\b(?:namnd|till|fran|datum|dnr)\b/g, '').replace(/[^a-z]/g, '').length <= 3;
}

// ---------------------------------------------------------------------------
// Motion

const MOTION_SENTENCE = /motion|motion\S*r/;

export function findMotion(
  inp: FactsInput,
  kind: DocumentKind,
  title: string | null,
): DocumentFacts['motion'] {
  const { text, folded, lines } = inp;
  // authors
  let authors: { name: string; party: string }[] = [];
  if (kind === 'motion') {
    // signatures at the end, then "av X (S)" in the head
    const tail: Line[] = [];
    for (let i = lines.length - 1; i >= 0 && tail.length < 20; i--) if (!lines[i].blank) tail.unshift(lines[i]);
    const tailText = tail.map((l) => l.text).join('\n');
    authors = uniquePersons(findPersons(tailText));
    if (!authors.length) {
      // "Gabriel Kroon" / "Sverigedemokraterna" on separate lines
      for (let k = 0; k + 1 < tail.length; k++) {
        const p = PARTY_FULL[fold(tail[k + 1].text).trim()];
        if (p && /^\p{Lu}[\p{L}-]+(?:\s+\p{Lu}[\p{L}-]+){1,3}$/u.test(tail[k].text)) authors.push({ name: tail[k].text, party: p });
      }
    }
    if (!authors.length) authors = uniquePersons(findPersons(text.slice(0, 1500)));
  } else {
    // the sentence(s) about the motion
    const persons = findPersons(text.slice(0, 60000));
    const firstHits: { name: string; party: string }[] = [];
    for (const p of persons) {
      // The person's sentence, within its paragraph: a member list next to an agenda item about a motion is not it.
      const s0 = Math.max(text.lastIndexOf('.', p.start) + 1, text.lastIndexOf('\n\n', p.start) + 1, p.start - 300);
      const ends = [text.indexOf('.', p.end), text.indexOf('\n\n', p.end), p.end + 300].filter((x) => x >= 0);
      const sentence = folded.slice(s0, Math.min(text.length, ...ends));
      if (!MOTION_SENTENCE.test(sentence)) continue;
      firstHits.push(p);
    }
    authors = uniquePersons(firstHits);
    if (authors.length > 6) authors = authors.slice(0, 6);
  }
  // title
  let mtitle: string | null = null;
  const motionLine = /^(?:\d+\.?\s+|§\s*\d+\s+)?(?:remissunderlag\s+|bilaga\s*\d*\s*[.:-]?\s*|remiss\s+av\s+|svar\s+p\S\s+remiss\s+(?:av|om)\s+)?(motion\b[^\n]{3,200})/;
  if (title && /^motion\b/i.test(title)) mtitle = title;
  if (!mtitle) {
    for (let i = 0; i < lines.length; i++) {
      if (lines[i].blank || lines[i].text.length > 200) continue;
      const m = motionLine.exec(inp.flines[i].trim());
      if (!m) continue;
      // only standalone lines: titles, bilaga lists — not running text
      if (/[.,]\s*$/.test(lines[i].text) && !/^\d+\.\s/.test(lines[i].text)) continue;
      if (/^motion\s+(?:till\s+kommunfullm\S+ktige\s*)?$/.test(m[1])) continue;
      if (!/^motion\s+(?:\(\d{4}:\d+\)\s+)?(?:om|ang\S+ende|avseende|r\S+rande|f\S+r|mot|g\S+llande|kring|med|till\s+\S+\s+om|av)\b/.test(m[1])) continue;
      const t = lines[i].text;
      const startInLine = t.length - inp.flines[i].trim().length + m.index + m[0].length - m[1].length;
      let raw = t.slice(Math.max(0, startInLine));
      // wrapped title
      if (i + 1 < lines.length && !lines[i + 1].blank && /\b(?:av|om|och|i|för|till|med)$/i.test(raw)) raw += ` ${lines[i + 1].text}`;
      mtitle = restoreDiacritics(squash(raw).replace(/[.,;:]$/, ''), text);
      mtitle = mtitle.charAt(0).toUpperCase() + mtitle.slice(1);
      break;
    }
  }
  if (!mtitle && title && kind !== 'motion') {
    // "Återinför Vällingbyteamet – motion från (L)"
    const m = /^(.*?)\s*[-–,]\s*motion\s+(?:fr\S+n|av)\b.*$/i.exec(title);
    if (m && m[1].length > 3) mtitle = m[1];
  }
  if (mtitle) mtitle = mtitle.replace(/\s+av\s+[^()]+\((?:KD|MP|SD|Fi|S|M|V|C|L)\)\s*$/i, '').trim();
  const relevant = kind === 'motion' || authors.length > 0 || mtitle !== null || /\bmotion(?:en|ens|\b)/.test(folded.slice(0, 4000));
  if (!relevant) return null;
  if (kind === 'protokoll' && !authors.length) return null;
  if (!authors.length && !mtitle) return kind === 'motion' || kind === 'remissvar' ? { title: null, authors: [] } : null;
  return { title: mtitle, authors };
}

// ---------------------------------------------------------------------------
// Proposals

/** The start of an item of a list: "1.", "2)", "-", "•", "a)". */
const LIST_ITEM = /^(?:\d{1,2}[.)]|[-•–*]|[a-z][.)])/;
const LIST_MARK = new RegExp(`${LIST_ITEM.source}\\s*`);

/** Split a block of text into items: numbered "1." / bullets / "att"-lines / paragraphs. */
export function splitItems(block: string): string[] {
  const lines = block.split(/\r?\n/);
  const items: string[] = [];
  let cur = '';
  const flush = () => {
    const t = squash(cur);
    if (t) items.push(t);
    cur = '';
  };
  for (const raw of lines) {
    const t = raw.trim();
    if (!t) {
      flush();
      continue;
    }
    if ((LIST_ITEM.test(t) || /^att\s/.test(t)) && cur) flush();
    cur += ` ${t}`;
  }
  flush();
  return items
    .map((s) => s.replace(LIST_MARK, ''))
    .filter((s) => /\p{L}{2}/u.test(s));
}

/** A title under a signature: "Förvaltningsdirektör", "avdelningschef", "nämndsekreterare". */
const ROLE = /^\p{L}*(?:direktör|chef|sekreterare|ordförande|strateg)$/iu;
/**
 * Names and titles only, the signatures under the proposals: "Mats Olsson Kristina Wallin Förvaltningsdirektör
 * Avdelningschef", "Mats Olsson, förvaltningsdirektör", "Mats Olsson / Förvaltningsdirektör", "Förvaltningsdirektör".
 */
function isSignatures(item: string): boolean {
  const words = item.split(/\s*[,/]\s*|\s+/).filter(Boolean);
  return words.every((w) => /^\p{Lu}[\p{L}-]*$/u.test(w) || ROLE.test(w)) && (words.length > 1 || ROLE.test(words[0] ?? ''));
}

const STOP_AFTER_ATT = /^(?:stockholm\s+den\b|\S+\s+den\s+\d{1,2}\s+\p{L}+\s+\d{4}|\d{4}-\d\d-\d\d$)/u;

export function findProposals(inp: FactsInput, kind: DocumentKind): string[] {
  const { text, folded, lines } = inp;
  if (kind === 'motion' || kind === 'skrivelse') {
    // "Jag föreslår att kommunfullmäktige beslutar" / "att …" lines
    const intro = /(?:\b(?:jag|vi)\s+(?:f\S+resl\S+r|yrkar|hemst\S+ller)|f\S+resl\S+r\s+(?:jag|vi)|yrkar\s+(?:jag|vi)|hemst\S+ller\s+(?:jag|vi))\b[^\n]*/g;
    const matches = [...folded.matchAll(intro)];
    for (const m of matches.reverse()) {
      const after = text.slice(m.index + m[0].length);
      const startLine = text.slice(m.index, m.index + m[0].length);
      // inline: "Jag föreslår att kommunfullmäktige beslutar att X" on one line
      const items: string[] = [];
      const inline = /\batt\s+(?:kommunfullm\S+ktige|n\S+mnden|\S+nämnden|staden|kommunstyrelsen|fullm\S+ktige)?\s*(?:beslutar|beslutar\s+att)?\s*(att\s+.+)$/i.exec(startLine);
      if (inline && !/beslutar\s*:?\s*$/i.test(startLine)) items.push(squash(inline[1]).replace(/^att\s+/i, 'att '));
      const block: string[] = [];
      let started = false;
      for (const ln of after.split(/\r?\n/)) {
        const t = ln.trim();
        const ft = fold(t);
        if (!t) {
          if (started && block.length && !/^att\b/.test(fold(block[block.length - 1]))) {
            // blank line ends an att-sats; the list continues if the next starts with "att"
          }
          continue;
        }
        if (STOP_AFTER_ATT.test(ft)) break;
        if (/^(?:[-•–]\s*)?att\s/.test(ft)) {
          started = true;
          block.push(t.replace(/^[-•–]\s*/, ''));
          continue;
        }
        const decides = /^beslutar?\s+(?=att\s)/i.exec(t);
        if (!started && decides) {
          // ("… föreslår vi kommunfullmäktige" / "besluta att ge …": the first att-sats on the same line)
          started = true;
          block.push(t.slice(decides[0].length));
          continue;
        }
        if (!started) {
          // ("… föreslår vi kommunfullmäktige" / "besluta")
          if (/^(?:kommunfullm|n\S+mnden|beslutar?\b|att:?$)/.test(ft)) continue;
          break;
        }
        // continuation line of the previous att-sats (a wrapped line), or the end of the list
        if (/^\p{Lu}/u.test(t) && /[.;]$/.test(block[block.length - 1] ?? '')) break;
        if (/\(\w{1,2}\)$/.test(t) && t.length < 50) break; // a signature
        block[block.length - 1] += ` ${t}`;
      }
      items.push(...block.map((b) => squash(b)));
      if (items.length) return items;
    }
    // "att"-lines anywhere (a motion without the intro sentence)
    const atts: string[] = [];
    for (const l of lines) if (/^att\s/i.test(l.text)) atts.push(squash(l.text));
    return atts;
  }
  const h = inp.headings.findIndex((x) => x.def.id === 'forslag-till-beslut');
  if (h < 0) {
    // Flattened head: "Kommunstyrelsen föreslår kommunfullmäktige besluta följande …"
    return [];
  }
  const start = inp.headings[h].end;
  const end = h + 1 < inp.headings.length ? inp.headings[h + 1].start : Math.min(text.length, start + 3000);
  const block = text.slice(start, end);
  // drop page debris lines
  const clean = block
    .split(/\r?\n/)
    .filter((l) => !PAGE_DEBRIS.test(fold(l.trim())) && !/^[!?¹²³]\s/.test(l.trim()))
    .join('\n');
  // the decision block may contain a sub-heading like "Socialnämndens beslut", and end with the signatures: names and
  // titles in a last paragraph that is no item of the list ("1. Birgitta Lund" in an election stays)
  const items = splitItems(clean).filter((s) => !/^\S+s beslut:?$/i.test(s) && s.length > 3);
  const paragraphs = clean.trim().split(/\n\s*\n/).map((x) => x.trim());
  for (let last = paragraphs.pop() ?? ''; items.length > 1 && isSignatures(items[items.length - 1]) && !LIST_ITEM.test(last) && splitItems(last).length === 1; last = paragraphs.pop() ?? '') items.pop();
  return items;
}
