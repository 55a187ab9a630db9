/**
 * Preparatory works, case law, EU acts and agency regulations. Each grammar is a
 * linear regex (no nested quantifiers over overlapping classes) run over the
 * normalised text; spans are in normalised offsets.
 */
import type { Citation, Link } from '../analysis/schema';
import type { EuAct } from '../laws/schema';
import { foldName } from '../text/fold';
import { anchor, anchored, anchoredSpans, forEachMatch, matchAt, type AnchoredPattern } from '../text/anchored';
import { isLetterAt, letterBefore } from '../text/letters';
import { caseLawLink, celexLinks, preparatoryLink } from './links';
import { citation as cite } from './make';

// (a part of a work in several volumes may come first: "SOU 2020:47 del 1 s. 300", "prop. 1979/80:2 Del A s. 84")
const PAGES_FIRST = /(?:,?\s?[Dd]el\s?(?:\d{1,2}|[A-Z])(?![\p{L}\d]))?,?\s?(?:s\.|sid\.?|sidan|sidorna)\s?(\d{1,4})(?:\s?[-–]\s?(\d{1,4}))?(?:\s?f{1,2}\.?(?![\p{L}]))?/uy;
const PAGES_MORE = /(?:,\s?|\s(?:och|samt)\s)(?:s\.\s?|sid\.?\s?)?(\d{1,4})(?:\s?[-–]\s?(\d{1,4}))?(?:\s?f{1,2}\.?(?![\p{L}]))?(?![\d:/§]|\s?(?:kap|§|st\b|stycket))/uy;

/** The expenditure area of a budget bill: "prop. 2023/24:1 utg.omr. 9", "utgiftsområde 9". */
const EXPENDITURE_AREA = /,?\s?(?:[Uu]tg\.?\s?omr\.?|[Uu]tgiftsområde)\s?\d{1,2}(?!\d)/y;

/**
 * Pages cited: "s. 112–121, 141–142" gives 112, 121, 141, 142 (a range as its first and last page); an
 * expenditure area before them is part of the citation ("utg.omr. 9 s. 45"), not a page.
 */
function pagesAt(text: string, from: number): { end: number; pages: string[] } {
  // (its "u" comes within three characters: ", utg.omr.")
  let pos = from;
  if (((text.charCodeAt(from) | 0x20) === 117 || (text.charCodeAt(from + 1) | 0x20) === 117 || (text.charCodeAt(from + 2) | 0x20) === 117)) {
    EXPENDITURE_AREA.lastIndex = from;
    if (EXPENDITURE_AREA.test(text)) pos = EXPENDITURE_AREA.lastIndex;
  }
  PAGES_FIRST.lastIndex = pos;
  const m = PAGES_FIRST.exec(text);
  if (!m) return { end: pos, pages: [] };
  const pages = [m[1]];
  if (m[2] && Number(m[2]) > Number(m[1])) pages.push(m[2]);
  let end = PAGES_FIRST.lastIndex;
  for (let guard = 0; guard < 30; guard++) {
    PAGES_MORE.lastIndex = end;
    const n = PAGES_MORE.exec(text);
    if (!n) break;
    pages.push(n[1]);
    if (n[2] && Number(n[2]) > Number(n[1])) pages.push(n[2]);
    end = PAGES_MORE.lastIndex;
  }
  return { end, pages };
}

// (through the literals their matches hold, where indexOf finds those faster than the regex scans)
const PROP = anchored(/(?<![\p{L}])(?:[Pp]rop(?:osition(?:en)?)?\.?)\s?(?:nr\s?(\d{1,4})\s?\/\s?(\d{4})|(\d{4}(?:\/\d{2,4})?)\s?(?::\s?(?:([AB])\s?)?(\d{1,4})|nr\s?(\d{1,4})))(?!\d)/u, [anchor('prop'), anchor('Prop')]);
const SERIES = anchored(/(?<![\p{L}])(SOU|Ds|DS)\s?(\d{4})\s?:\s?(\d{1,4})(?!\d)/u, [anchor('SOU'), anchor('Ds'), anchor('DS')]);
const BET = anchored(/(?<![\p{L}])(?:[Bb]et\.|[Bb]etänkande(?:t)?)\s?(\d{4}\/\d{2})\s?:\s?([A-ZÅÄÖ][A-Za-zÅÄÖåäö]{0,3}\s?\d{1,3})(?!\d)/u, [anchor('bet.'), anchor('Bet.'), anchor('betä'), anchor('Betä')]);
/**
 * "rskr. 2000/01:290" (groups 1–2) or "dir. 2020:5" (groups 3–4), in one regex scan (their literals start
 * with common letters, which indexOf finds slowly). No look-behind for the letter before: V8 scans a regex
 * that starts with one several times slower, so each hit is tested instead (and the scan goes on from the
 * next character when a letter precedes it, as the look-behind would have).
 */
const RSKR_OR_DIR = /(?:[Rr]skr\.?\s?(\d{4}\/\d{2})\s?:\s?(\d{1,4})|(?:[Dd]ir\.|[Kk]ommittédirektiv(?:et)?)\s?(\d{4})\s?:\s?(\d{1,4}))(?!\d)/gu;
const APROP = anchored(/(?<![\p{L}])a\.\s?prop\./u, [anchor('prop.', 2, 3)]);

/** A preparatory work as cited, with its links by page ("" for none; pages are digits). Shared. */
interface PrepWork {
  series: string;
  /** "2000/01:80" */
  id: string;
  /** "prop. 2000/01:80" */
  label: string;
  links: Map<string, Link | null>;
  /** prepLinksOf's arrays by page. */
  lists: Map<string, Link[]>;
}
/** The works by series and id, so each has one set of links. */
const prepWorks = new Map<string, Map<string, PrepWork>>();
function prepWork(series: string, id: string, label: string): PrepWork {
  let byId = prepWorks.get(series);
  if (!byId) {
    byId = new Map();
    prepWorks.set(series, byId);
  }
  let w = byId.get(id);
  if (!w) {
    if (byId.size >= 5000) byId.clear();
    w = { series, id, label, links: new Map(), lists: new Map() };
    byId.set(id, w);
  }
  return w;
}
/** The link of a work (to a page) with its label; shared, never changed by callers. */
function prepLinkOf(w: PrepWork, pg: string | undefined): Link | null {
  let v = w.links.get(pg ?? '');
  if (v === undefined) {
    const l = preparatoryLink(w.series, w.id, pg);
    v = l ? { ...l, label: pg !== undefined ? `${w.label} s. ${pg} på lagen.nu` : `${w.label} på lagen.nu` } : null;
    if (w.links.size >= 1000) w.links.clear();
    w.links.set(pg ?? '', v);
  }
  return v;
}
/**
 * The links of a work cited at one page or none: one shared array per work and page (never changed by
 * callers, like the links of the other kinds; a list made per citation was a fifth of the output's bytes).
 */
function prepLinksOf(w: PrepWork, pg: string | undefined): Link[] {
  let v = w.lists.get(pg ?? '');
  if (v === undefined) {
    const l = prepLinkOf(w, pg);
    v = l ? [l] : [];
    if (w.lists.size >= 1000) w.lists.clear();
    w.lists.set(pg ?? '', v);
  }
  return v;
}
/**
 * The work a match cites by the matched text (which fixes the groups; the patterns start with
 * different words, so their texts never coincide): looked up first, remembered when read from
 * the match (series, id, label).
 */
const prepWorkByText = new Map<string, PrepWork>();
function rememberWork(key: string, [series, id, label]: [string, string, string]): PrepWork {
  const w = prepWork(series, id, label);
  if (prepWorkByText.size >= 5000) prepWorkByText.clear();
  prepWorkByText.set(key, w);
  return w;
}
// (the readers of the anchored patterns take a match with group 1 the whole match, the pattern's groups from group 2 on)
const readProp = (m: RegExpExecArray): [string, string, string] => {
  let id: string;
  if (m[2]) id = `${m[3]}:${Number(m[2])}`;
  else if (m[7]) id = `${m[4]}:${Number(m[7])}`;
  // 1958 A/B: the spring session's numbers are plain ("1958:A 30" = 1958:30), the B session keeps its letter.
  else id = `${m[4]}:${m[5] === 'B' ? 'B' : ''}${Number(m[6])}`;
  return ['prop', id, `prop. ${id}`];
};
const readSeries = (m: RegExpExecArray): [string, string, string] => {
  const id = `${m[3]}:${Number(m[4])}`;
  return m[2] === 'SOU' ? ['sou', id, `SOU ${id}`] : ['ds', id, `Ds ${id}`];
};
const readBet = (m: RegExpExecArray): [string, string, string] => {
  const id = `${m[2]}:${m[3].replace(/\s/g, '')}`;
  return ['bet', id, `bet. ${id}`];
};
const readRskrOrDir = (m: RegExpExecArray): [string, string, string] => {
  if (m[1] !== undefined) {
    const id = `${m[1]}:${Number(m[2])}`;
    return ['rskr', id, `rskr. ${id}`];
  }
  const id = `${m[3]}:${Number(m[4])}`;
  return ['dir', id, `dir. ${id}`];
};

export function findPreparatory(text: string): Citation[] {
  const out: Citation[] = [];
  const push = (s: number, e0: number, w: PrepWork) => {
    const { end, pages } = pagesAt(text, e0);
    let links: Link[];
    if (pages.length <= 1) links = prepLinksOf(w, pages.length ? pages[0] : undefined);
    else {
      links = [];
      for (const pg of pages) {
        const l = prepLinkOf(w, pg);
        if (l) links.push(l);
      }
    }
    out.push(cite(s, end, 'preparatory', w.label, links));
  };
  // The works cited by the anchored patterns' spans (a match made only for a text not seen before).
  const workAt = (p: AnchoredPattern, read: (m: RegExpExecArray) => [string, string, string], s: number, e: number): PrepWork => {
    const key = text.slice(s, e);
    return prepWorkByText.get(key) ?? rememberWork(key, read(matchAt(text, p, s)));
  };
  let lastProp: PrepWork | undefined;
  const propStarts: number[] = [];
  const propWorks: PrepWork[] = [];
  let sp = anchoredSpans(text, PROP);
  for (let i = 0; i < sp.length; i += 2) {
    const w = workAt(PROP, readProp, sp[i], sp[i + 1]);
    propStarts.push(sp[i]);
    propWorks.push(w);
    push(sp[i], sp[i + 1], w);
  }
  sp = anchoredSpans(text, SERIES);
  for (let i = 0; i < sp.length; i += 2) push(sp[i], sp[i + 1], workAt(SERIES, readSeries, sp[i], sp[i + 1]));
  sp = anchoredSpans(text, BET);
  for (let i = 0; i < sp.length; i += 2) push(sp[i], sp[i + 1], workAt(BET, readBet, sp[i], sp[i + 1]));
  RSKR_OR_DIR.lastIndex = 0;
  for (let m = RSKR_OR_DIR.exec(text); m; m = RSKR_OR_DIR.exec(text)) {
    if (letterBefore(text, m.index, 0)) {
      RSKR_OR_DIR.lastIndex = m.index + 1;
      continue;
    }
    push(m.index, m.index + m[0].length, prepWorkByText.get(m[0]) ?? rememberWork(m[0], readRskrOrDir(m)));
  }
  // "a. prop. s. 51": the proposition cited last.
  let pi = 0;
  sp = anchoredSpans(text, APROP);
  for (let i = 0; i < sp.length; i += 2) {
    while (pi < propStarts.length && propStarts[pi] < sp[i]) lastProp = propWorks[pi++];
    if (!lastProp) continue;
    const { pages } = pagesAt(text, sp[i + 1]);
    if (!pages.length) continue;
    push(sp[i], sp[i + 1], lastProp);
  }
  return out;
}

const COURTS = 'HFD|RÅ|RA|NJA|AD|MÖD|PMÖD|MIG|MD|RH|MMD|FÖD';
const CASE = anchored(
  new RegExp(
    `(?<![\\p{L}])(${COURTS})\\s?(\\d{4})\\s?(?:ref\\.?\\s?(\\d{1,4})|not\\.?\\s?(\\d{1,4})|s(?:\\.\\s?|\\s)(\\d{1,5})|-?\\s?nr\\.?\\s?(\\d{1,4})|[:\\-]\\s?(\\d{1,4}))(?![\\d/])`,
    'u',
  ),
  // (RÅ, RA and RH start with "R", MÖD, MIG, MD and MMD with "M": one indexOf for several courts. Every anchor
  // is a court's first letters, so a match starts where its anchor is and is found by a test, with no match array.)
  [anchor('HFD'), anchor('R'), anchor('NJA'), anchor('AD'), anchor('M'), anchor('PMÖD'), anchor('FÖD')],
);
/** The lagen.nu series of each court (RA is read as RÅ). */
const COURT_SERIES: Record<string, string> = {
  HFD: 'hfd', RÅ: 'ra', NJA: 'nja', AD: 'ad', MÖD: 'mod', PMÖD: 'pmöd', MIG: 'mig', MD: 'md', RH: 'rh', MMD: 'mmd', FÖD: 'föd',
};
const JO = anchored(/(?<![\p{L}])(JO|JK)\s?(\d{4}\/\d{2})\s?s\.\s?(\d{1,4})(?!\d)/u, [anchor('JO'), anchor('JK')]);
// (scanned as a regex, group 1 the match, like RSKR)
const AUTH_DNR = /((?<![\p{L}])(?:dnr|änr|ärende nr)\.?\s?(\d{1,5}-\d{2,4}(?:-\d{2})?)(?![\d-])((?:(?:,\s?|\s(?:och|samt)\s)(?!\d{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])(?!\d))\d{1,5}-\d{2,4}(?:-\d{2})?(?![\d-]))*))/gu;
const AUTH_CONTEXT = /(?<![\p{L}])(JO|JK|ARN)(?![\p{L}])|Justitieombudsm|Justitiekansl|Allmänna reklamationsnämnden/gu;
const COURT_CASE = anchored(/(?<![\p{L}])(?:[Mm]ål|[Mm]ålnr)\.?\s?(?:nr\.?\s?)?([A-ZÅÄÖ]{1,2}\s?)?(\d{1,6}-\d{2}(?:\d{2})?)(?![\d-])/u, [anchor('ål', 1)]);

/** Reference and link of a court case match (anchored: its groups from 2 on); null where the court has no such series. */
function caseRef(m: RegExpExecArray): { ref: string; link: Link | null } | null {
  const court = m[2] === 'RA' ? 'RÅ' : m[2];
  const year = m[3];
  let ref: string;
  let path: string;
  if (m[4]) {
    if (court !== 'HFD' && court !== 'RÅ') return null;
    ref = `${court} ${year} ref. ${Number(m[4])}`;
    path = `${year}:${Number(m[4])}`;
  } else if (m[5]) {
    ref = `${court} ${year} not. ${Number(m[5])}`;
    path = `${year}/not/${Number(m[5])}`;
  } else if (m[6]) {
    if (court !== 'NJA') return null;
    ref = `NJA ${year} s. ${Number(m[6])}`;
    path = `${year}s${Number(m[6])}`;
  } else if (m[7]) {
    if (court !== 'AD') return null;
    ref = `AD ${year} nr ${Number(m[7])}`;
    path = `${year}:${Number(m[7])}`;
  } else {
    if (court === 'NJA' || court === 'HFD' || court === 'RÅ') return null;
    const n = Number(m[8]);
    ref = court === 'AD' ? `AD ${year} nr ${n}` : `${court} ${year}:${n}`;
    path = `${year}:${n}`;
  }
  return { ref, link: caseLawLink(COURT_SERIES[court], path) };
}
/**
 * caseRef by the matched text, which fixes the groups, with its links (shared; never changed by
 * callers, like the empty links of the other citations here).
 */
const caseRefs = new Map<string, { ref: string; links: Link[] } | null>();
const NO_LINKS: Link[] = [];

export function findCaseLaw(text: string): Citation[] {
  const out: Citation[] = [];
  const sp = anchoredSpans(text, CASE);
  for (let i = 0; i < sp.length; i += 2) {
    const s = sp[i];
    const e = sp[i + 1];
    const key = text.slice(s, e);
    let v = caseRefs.get(key);
    if (v === undefined) {
      const r = caseRef(matchAt(text, CASE, s));
      v = r && { ref: r.ref, links: r.link ? [r.link] : NO_LINKS };
      if (caseRefs.size >= 5000) caseRefs.clear();
      caseRefs.set(key, v);
    }
    if (v) out.push(cite(s, e, 'case-law', v.ref, v.links));
  }
  forEachMatch(text, JO, (m) => {
    out.push(cite(m.index, m.index + m[1].length, 'case-law', `${m[2]} ${m[3]} s. ${Number(m[4])}`, NO_LINKS));
  });
  // JO, JK and ARN decisions by diarienummer, when the paragraph names the authority.
  for (const m of text.matchAll(AUTH_DNR)) {
    const mStart = m.index;
    let window = text.slice(Math.max(0, mStart - 200), mStart);
    window = window.slice(window.lastIndexOf('\n') + 1); // same paragraph only
    let auth: string | undefined;
    for (const a of window.matchAll(AUTH_CONTEXT)) {
      const w = a[0];
      auth = w.startsWith('Justitieom') ? 'JO' : w.startsWith('Justitiek') ? 'JK' : w.startsWith('Allm') ? 'ARN' : a[1];
    }
    if (!auth) continue;
    const series = auth.toLowerCase();
    const first = m[2];
    const firstStart = mStart + m[1].indexOf(first);
    const mk = (s: number, e: number, id: string): Citation =>
      cite(s, e, 'case-law', `${auth} dnr ${id}`, /^\d{1,5}-\d{2,4}(?:-\d{2})?$/.test(id) ? [{ label: 'Beslutet på lagen.nu', url: `https://lagen.nu/avg/${series}/${id}` }] : NO_LINKS);
    out.push(mk(mStart, firstStart + first.length, first));
    if (m[3]) {
      const restStart = mStart + m[1].length - m[3].length;
      for (const r of m[3].matchAll(/\d{1,5}-\d{2,4}(?:-\d{2})?/g)) out.push(mk(restStart + r.index, restStart + r.index + r[0].length, r[0]));
    }
  }
  forEachMatch(text, COURT_CASE, (m) => {
    out.push(cite(m.index, m.index + m[1].length, 'case-law', `mål nr ${m[2] ? m[2].trim() + ' ' : ''}${m[3]}`, NO_LINKS));
  });
  return out;
}

/**
 * "förordning (EU) 2016/679", found through its "(E": the "(" comes 6 to 55 characters after the
 * start ("beslut (" to "Europaparlamentets och rådets genomförandeförordningen (").
 */
const EU_ACT = anchored(
  /(?:(?:Europaparlamentets och rådets|rådets|[Kk]ommissionens)\s(?:delegerade\s|genomförande)?)?(förordning|direktiv|beslut)(?:en|et)?\s?\((EU|EG|EEG|EU, Euratom|Euratom)\)\s?(?:(nr)\.?\s?)?(\d{1,4})\/(\d{1,4})(?!\d)(?:\/(?:EU|EG|EEG))?(?:\sav den \d{1,2} \p{L}{3,9} \d{4})?/u,
  [anchor('(E', 6, 55)],
);
/**
 * "95/46/EG", "Europaparlamentets och rådets direktiv 2016/680/EU av den 27 april 2016". Run as the
 * number only (found through its "/E", 4 to 9 characters after the start), then the words before it
 * are looked for: the same matches as one regex with them as an optional prefix, since they have no digits.
 */
const EU_DIRECTIVE = anchored(/(?<![\d/])(\d{2}|\d{4})\/(\d{1,4})\/(EU|EG|EEG|EGKS)(?![\p{L}])(?:\sav den \d{1,2} \p{L}{3,9} \d{4})?/u, [anchor('/E', 4, 9)]);
const EU_DIRECTIVE_PREFIX = /(?:(?:(?:Europaparlamentets och rådets|rådets|[Kk]ommissionens)\s)?direktiv(?:et)?\s)$/u;
/** (The year as "\d\d(?:\d\d)?", four digits tried before two, scans faster than "\d{4}|\d{2}".) */
const CELEX = /(?<![\d\p{L}])3(\d\d(?:\d\d)?)([RLD])(\d{4})(?![\d\p{L}])/gu;
export const ART_NUM = String.raw`\d{1,3}(?:\.\d{1,2}){0,2}(?:\s[a-hj-z](?![\p{L}]))?`;
/**
 * Articles before the act, one or a list ("artikel 6.1 e och artikel 9.2 g i", "artikel 6.1 c och e i",
 * "artiklarna 6 och 9 i"): group 1 is the first (the link goes to it), the span covers them all.
 */
const ARTICLE_BEFORE = new RegExp(
  String.raw`(?<![\p{L}])(?:[Aa]rtikel|[Aa]rtiklarna|[Aa]rt\.)\s?(${ART_NUM})(?:(?:,\s?|\s(?:och|samt|eller)\s)(?:(?:[Aa]rtikel|[Aa]rt\.)\s?${ART_NUM}|${ART_NUM}|[a-hj-z](?![\p{L}])))*(?:\s(?:i|enligt))?\s(?:den\s)?$`,
  'u',
);
const ARTICLE_AFTER = /\s?\(?(?:[Aa]rtikel|[Aa]rt\.)\s?(\d{1,3}(?:\.\d{1,2}){0,2}(?:\s[a-hj-z](?![\p{L}]))?)\)?/uy;

const fullYear = (y: string): string => (y.length === 4 ? y : Number(y) >= 50 ? `19${y}` : `20${y}`);
const celexOf = (year: string, type: string, num: string): string => `3${fullYear(year)}${type}${num.padStart(4, '0')}`;

/**
 * The CELEX number of an act or directive match (anchored: group 1 is the match, the pattern's
 * groups follow), by the matched text (which fixes the groups; acts start with a word,
 * directives with a digit), else from `read`.
 */
const celexByText = new Map<string, string>();
function cachedCelex(m: RegExpExecArray, read: (m: RegExpExecArray) => string): string {
  let v = celexByText.get(m[1]);
  if (v === undefined) {
    v = read(m);
    if (celexByText.size >= 5000) celexByText.clear();
    celexByText.set(m[1], v);
  }
  return v;
}
const readActCelex = (m: RegExpExecArray): string => {
  const type = m[2] === 'förordning' ? 'R' : m[2] === 'direktiv' ? 'L' : 'D';
  const a = m[5];
  const b = m[6];
  const plausibleYear = (x: string) => x.length === 4 && Number(x) >= 1950 && Number(x) <= 2099;
  if (m[4]) return celexOf(b, type, a);
  if (plausibleYear(a) && (!plausibleYear(b) || m[3] === 'EU' || type === 'L')) return celexOf(a, type, b);
  return celexOf(b, type, a);
};
const readDirectiveCelex = (m: RegExpExecArray): string => celexOf(m[2], 'L', m[3]);

/** What follows an article's number: its point ("6.1 e" → "6.1", as the links take it). */
export const AFTER_ARTICLE_NUMBER = /\s.*$/;
/** A word that may name an EU act ("…rdning…"). */
const RDNING = /rdning/i;

export function findEu(text: string, acts: readonly EuAct[]): Citation[] {
  const out: Citation[] = [];
  const add = (s: number, e: number, celex: string) => {
    // Article before ("artikel 6.1 e i dataskyddsförordningen") or after ("GDPR artikel 6").
    let start = s;
    let end = e;
    let article: string | undefined;
    const from = Math.max(0, s - 80);
    // (an article reference has "rt" in "artikel"/"art.", at most 30 characters before s: "artikel 123.12.12 a enligt den ")
    let rt = false;
    for (let i = Math.max(from, s - 32); i < s && !rt; i++) rt = text.charCodeAt(i) === 114 && text.charCodeAt(i + 1) === 116;
    const before = rt ? ARTICLE_BEFORE.exec(text.slice(from, s)) : null;
    if (before) {
      article = before[1];
      start = from + before.index;
    } else {
      ARTICLE_AFTER.lastIndex = e;
      const after = ARTICLE_AFTER.exec(text);
      if (after) {
        article = after[1];
        end = ARTICLE_AFTER.lastIndex;
      }
    }
    out.push(cite(start, end, 'eu', celex, celexLinks(celex, article?.replace(AFTER_ARTICLE_NUMBER, ''))));
  };
  forEachMatch(text, EU_ACT, (m) => {
    // (the whole word: "dataskyddsförordningen (EU) 2016/679")
    let s = m.index;
    while (s > 0 && isLetterAt(text, s - 1)) s -= 1;
    add(s, m.index + m[1].length, cachedCelex(m, readActCelex));
  });
  let lastEnd = 0;
  forEachMatch(text, EU_DIRECTIVE, (m) => {
    const s = m.index;
    // The prefix starts at or after the previous match's end, within 60 characters (it has at most 41).
    const from = Math.max(lastEnd, s - 60);
    const pm = s - from >= 9 ? EU_DIRECTIVE_PREFIX.exec(text.slice(from, s)) : null;
    lastEnd = s + m[1].length;
    add(pm ? from + pm.index : s, lastEnd, cachedCelex(m, readDirectiveCelex));
  });
  for (const m of text.matchAll(CELEX)) {
    const celex = celexOf(m[1], m[2], m[3]);
    out.push(cite(m.index, m.index + m[0].length, 'eu', celex, celexLinks(celex)));
  }
  // Names and abbreviations ("dataskyddsförordningen", "GDPR"): words as /\p{L}[\p{L}:]*/ splits them;
  // a name form ends in "…rdning…", so only those words (and the abbreviations) are looked at.
  if (acts.length) {
    const formsOf = acts.map((act) => new Set(act.names.map((n) => foldName(n))));
    let lastWord = -1;
    const finder = euNameFinder(acts);
    finder.lastIndex = 0;
    for (let m = finder.exec(text); m; m = finder.exec(text)) {
      // The whole word around the hit (letters and ":").
      let s = m.index;
      while (s > 0 && isEuWordChar(text, s - 1)) s -= 1;
      while (s < m.index && !isLetterAt(text, s)) s += 1;
      if (s === lastWord) continue;
      lastWord = s;
      let e = m.index + m[0].length;
      while (e < text.length && isEuWordChar(text, e)) e += 1;
      const w = text.slice(s, e);
      // The previous word and what separates it ("EU:s dataskyddsförordning").
      let pe = s;
      while (pe > 0 && !isEuWordChar(text, pe - 1)) pe -= 1;
      let ps = pe;
      while (ps > 0 && isEuWordChar(text, ps - 1)) ps -= 1;
      while (ps < pe && !isLetterAt(text, ps)) ps += 1;
      // (the same tests for every act: computed once per word; the pair only when one space separates it)
      const rd = RDNING.test(w);
      const spaced = rd && ps < pe && s - pe === 1 && text.charCodeAt(pe) === 32;
      const pairKey = spaced ? foldName(`${text.slice(ps, pe)} ${w}`) : '';
      const wordKey = rd ? foldName(w) : '';
      for (let k = 0; k < acts.length; k++) {
        const act = acts[k];
        let start = -1;
        if (act.abbreviation && (w === act.abbreviation || w === `${act.abbreviation}:s`)) start = s;
        else if (rd) {
          // (a name, or its possessive: "dataskyddsförordningens artikel 9")
          if (spaced && formsOf[k].has(pairKey)) start = ps;
          else if (formsOf[k].has(wordKey) || (wordKey.endsWith('s') && formsOf[k].has(wordKey.slice(0, -1)))) start = s;
        }
        if (start < 0 || DEFINED_AS.test(text.slice(Math.max(0, start - 30), start))) continue;
        // A name being defined ("här benämnd EU:s dataskyddsförordning") names the act just cited; not a new reference.
        // A name with its abbreviation in parentheses is one citation, and an article may follow both:
        // "EU:s dataskyddsförordning (GDPR) artikel 6.1 c".
        let end = e;
        if (rd && act.abbreviation) {
          const paren = text.startsWith(' (', e) ? e + 2 : text.startsWith('(', e) ? e + 1 : -1;
          if (paren >= 0 && text.startsWith(`${act.abbreviation})`, paren)) end = paren + act.abbreviation.length + 1;
        }
        add(start, end, act.celex); // overlaps with longer EU citations are resolved by the caller
      }
    }
  }
  return out;
}

const DEFINED_AS = /(?:benämnd|benämns|kallad|kallas)\s$/u;
/** A character of an EU name word: an ASCII letter, ":", or a letter from U+00C0 on. */
const isEuWordChar = (t: string, i: number): boolean => {
  const c = t.charCodeAt(i);
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 58 || (c >= 0xc0 && isLetterAt(t, i));
};
const euNameCache = new WeakMap<readonly EuAct[], RegExp>();
/** Hits inside the words that may name an EU act: "…rdning…" or one of the abbreviations. */
function euNameFinder(acts: readonly EuAct[]): RegExp {
  let rx = euNameCache.get(acts);
  if (!rx) {
    const abbrs = acts.map((a) => a.abbreviation).filter((a): a is string => Boolean(a)).map((a) => a.replace(/[\\^$.*+?()[\]{}|/]/g, '\\$&'));
    // (the word-start test after the abbreviation: V8 scans a regex that starts with a lookbehind slowly)
    // (and their possessive, "GDPR:s")
    rx = new RegExp(`rdning|${abbrs.length ? `(${abbrs.join('|')})(?<![\\p{L}:]\\1)(?![\\p{L}]|:(?!s(?![\\p{L}])))` : '(?!)'}`, 'giu');
    euNameCache.set(acts, rx);
  }
  return rx;
}

/**
 * Agency regulations, "SOSFS 2011:9", "HSLF-FS 2016:40". Matched from the "FS" (found with indexOf)
 * with the letters before it in a lookbehind: the letters run from a position that is not
 * preceded by a letter or "-", so each "FS" has at most one start and the matches are the same
 * as of the regex written from the start.
 */
const REGULATION = anchored(/FS(?<=(?<![\p{L}-])([A-ZÅÄÖ]{1,8}-?)FS)\s?(\d{4})\s?:\s?(\d{1,4})(?!\d)/u, [anchor('FS')]);

export function findRegulations(text: string): Citation[] {
  const out: Citation[] = [];
  forEachMatch(text, REGULATION, (m) => {
    if (m[2] === 'S') return; // "SFS" is a statute
    out.push(cite(m.index - m[2].length, m.index + m[1].length, 'regulation', `${m[2]}FS ${m[3]}:${Number(m[4])}`, NO_LINKS));
  });
  return out;
}
