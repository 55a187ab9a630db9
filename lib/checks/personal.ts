/**
 * Personal data that must not be in a public document:
 *
 * - personnummer and samordningsnummer: "YYMMDD-NNNN", "YYYYMMDD-NNNN", "+" for
 *   100 years and older, or without separator; only numbers that the
 *   `personnummer` package accepts (real date, Luhn check digit) are flagged.
 *   A 10-digit run right after a phone label ("tel", "mobil" …) is a phone number.
 * - phone numbers of private persons. Heuristic (documented in lib/checks/README.md):
 *   a Swedish number (0… or +46…, 8–10 digits) is the authority's or the
 *   handläggare's — and not flagged — when
 *     1. it is the handläggare's number the engine found (`document.officer.phone`), or
 *     2. it is in the City of Stockholm's own number series 08-508 …, or
 *     3. it stands in the document head (before the first section heading), where
 *        the template puts the contact block, or
 *     4. the same line or the two lines before it name an official role or body
 *        (handläggare, kontaktperson, förvaltning, nämnd, kansli, registrator, växel,
 *        kundtjänst, kontaktcenter, upplysningar, frågor, -chef, -direktör, …).
 *   Every other number is flagged as probably a private person's; mobile numbers
 *   (07…, +46 7…) are named as such.
 * - e-mail addresses outside the authority's domains (default stockholm.se and its
 *   subdomains, e.g. "fornamn.efternamn@stockholm.se", "registrator.sof@edu.stockholm.se").
 */
import Personnummer from 'personnummer';
import type { DocumentFacts, Section } from '../analysis/schema';
import type { RawFinding } from './types';

const digits = (s: string) => s.replace(/\D/g, '');

// A personnummer candidate: 6 or 8 digits, an optional "-" or "+", 4 digits; not inside a longer number, word,
// case number ("KS 2023/105"), SFS number ("2001:453") or date ("2023-08-24").
const PNR = /(?<![\p{L}\p{N}/:.,\-+])((?:19|20)?\d{6})([-+]?)(\d{4})(?![\p{N}]|[-/:]\d|[.,]\d)/gu;
const PHONE_LABEL = /(?:tel|telefon|tfn|mobil|mobilnummer|mobiltelefon|fax|sms|nr|nummer)\.?:?\s*$/i;

export interface IdNumberMatch {
  start: number;
  end: number;
  text: string;
  coordination: boolean;
}

/** Valid personnummer and samordningsnummer in the text (checked with the `personnummer` package). */
export function findIdNumbers(text: string): IdNumberMatch[] {
  const out: IdNumberMatch[] = [];
  for (const m of text.matchAll(PNR)) {
    const [all, , sep] = m;
    if (!sep && PHONE_LABEL.test(text.slice(Math.max(0, m.index - 20), m.index))) continue;
    let valid = false;
    let coordination = false;
    try {
      valid = Personnummer.valid(all, { allowCoordinationNumber: true, allowInterimNumber: false });
      if (valid) coordination = Personnummer.parse(all, { allowCoordinationNumber: true, allowInterimNumber: false }).isCoordinationNumber();
    } catch {
      valid = false;
    }
    if (valid) out.push({ start: m.index, end: m.index + all.length, text: all, coordination });
  }
  return out;
}

// A Swedish phone number: 0 or +46/0046, then 7–9 more digits in groups separated by one space, nbsp or dash.
const PHONE = /(?<![\p{L}\p{N}/:.,\-+])((?:\+46|0046)[ \u00a0]?(?:\(0\)[ \u00a0]?)?|0)([1-9](?:[ \u00a0\-–]?\d){6,8})(?![\p{N}]|[ \u00a0\-–]\d|[.,:/]\d)/gu;

const ROLE =
  /handl[äa]ggare|kontaktperson|f[öo]rvaltning|n[äa]mnd|kansli|registrator|v[äa]xel|kundtj[äa]nst|kontaktcenter|upplysning|fr[åa]gor|stadsdel|enhet|avdelning|chef\b|direkt[öo]r\b|sekreterare|stockholms stad|@stockholm\.se/i;

export interface PhoneMatch {
  start: number;
  end: number;
  text: string;
  mobile: boolean;
  /** Why it is the authority's, or null when it looks private. */
  attributed: 'officer' | 'city-series' | 'document-head' | 'role-context' | null;
}

export function findPhones(text: string, facts: Pick<DocumentFacts, 'officer'>, sections: Section[]): PhoneMatch[] {
  const officer = facts.officer?.phone ? digits(facts.officer.phone).replace(/^46/, '0') : null;
  const headEnd = sections.length ? sections[0].start : 0;
  const out: PhoneMatch[] = [];
  for (const m of text.matchAll(PHONE)) {
    const [all, , rest] = m;
    const national = `0${digits(rest)}`;
    if (national.length < 8 || national.length > 10) continue;
    const start = m.index;
    const mobile = /^07[02369]/.test(national);
    let attributed: PhoneMatch['attributed'] = null;
    if (officer && officer === national) attributed = 'officer';
    else if (national.startsWith('08508')) attributed = 'city-series';
    else if (start < headEnd) attributed = 'document-head';
    else {
      // the same line and up to two lines before it, within the same paragraph (a blank line ends the context)
      let from = text.lastIndexOf('\n', start - 1) + 1;
      for (let n = 0; n < 2 && from > 0; n++) {
        const prevStart = text.lastIndexOf('\n', from - 2) + 1;
        if (!/\S/.test(text.slice(prevStart, from - 1))) break;
        from = prevStart;
      }
      const before = text.slice(Math.max(from, start - 240), start);
      if (ROLE.test(before)) attributed = 'role-context';
    }
    out.push({ start, end: start + all.length, text: all, mobile, attributed });
  }
  return out;
}

const EMAIL = /(?<![\p{L}\p{N}._%+-])[\p{L}\p{N}._%+-]{1,64}@((?:[\p{L}\p{N}](?:[\p{L}\p{N}-]{0,61}[\p{L}\p{N}])?\.)+\p{L}{2,24})(?![\p{L}\p{N}-])/gu;

export function findEmails(text: string): { start: number; end: number; text: string; domain: string }[] {
  return [...text.matchAll(EMAIL)].map((m) => ({ start: m.index, end: m.index + m[0].length, text: m[0], domain: m[1].toLowerCase() }));
}

export const DEFAULT_AUTHORITY_DOMAINS = ['stockholm.se'];

export function isAuthorityDomain(domain: string, domains: readonly string[]): boolean {
  const d = domain.toLowerCase();
  return domains.some((a) => d === a.toLowerCase() || d.endsWith(`.${a.toLowerCase()}`));
}

export function personalDataFindings(
  text: string,
  facts: DocumentFacts,
  sections: Section[],
  authorityDomains: readonly string[],
): RawFinding[] {
  const out: RawFinding[] = [];
  const ids = findIdNumbers(text);
  for (const id of ids) {
    const what = id.coordination ? 'samordningsnummer' : 'personnummer';
    out.push({
      rule: 'personnummer',
      code: id.coordination ? 'samordningsnummer' : 'personnummer',
      severity: 'error',
      message: `Ett ${what} (${id.text}) står i texten. Handlingen blir allmän och publiceras; ${what} får inte finnas med.`,
      suggestion: `Ta bort ${what}et eller ersätt det med "ÅÅMMDD-XXXX".`,
      start: id.start,
      end: id.end,
    });
  }
  for (const p of findPhones(text, facts, sections)) {
    if (p.attributed) continue;
    if (ids.some((i) => p.start < i.end && i.start < p.end)) continue;
    out.push({
      rule: 'private-phone',
      code: p.mobile ? 'private-mobile' : 'private-phone',
      severity: 'warning',
      message: `${p.mobile ? 'Mobilnumret' : 'Telefonnumret'} ${p.text} hör inte till handläggaren eller förvaltningen och ser ut att vara en privatpersons.`,
      suggestion: 'Ta bort numret, eller ange förvaltningens eller handläggarens nummer i stället.',
      start: p.start,
      end: p.end,
    });
  }
  for (const e of findEmails(text)) {
    if (isAuthorityDomain(e.domain, authorityDomains)) continue;
    out.push({
      rule: 'private-email',
      code: 'external-email',
      severity: 'warning',
      message: `E-postadressen ${e.text} hör inte till myndigheten (${authorityDomains.join(', ')}); är det en privatpersons adress ska den inte stå i en allmän handling.`,
      suggestion: 'Ta bort adressen eller ersätt den med förvaltningens funktionsadress.',
      start: e.start,
      end: e.end,
    });
  }
  return out;
}
