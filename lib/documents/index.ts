/**
 * Document analysis (issue 4): what the document is (kind), its facts, its
 * sections and what is missing according to the profile for its kind.
 * Pure TypeScript, DOM-free, linear in the length of the text.
 */
import type { DocumentFacts, MissingSection, Problem, Section } from '../analysis/schema';
import { loadProfile, profileForKind, ProfileError, type Profile } from '../profiles';
import { findOfficer, findAuthority, findImpliedDate, findMotion, findOwnDate, findProposals, findTitle, cleanTitle, orderCaseNumbers, type ImpliedDate } from './facts';
import { fold } from './fold';
import { findHeadings, labelFor, toSections, type FoundHeading, type HeadingDef } from './headings';
import { classify, type Subkind } from './kind';
import { columnHead, toLines } from './lines';
import { findPersons } from './persons';
import { restoreDiacritics } from './repair';

export { findCaseNumbers, type CaseNumberMatch } from './case-numbers';
export { HEADINGS, matchHeading, type HeadingDef } from './headings';
export { findPersons, type Person } from './persons';
export { findAuthorities, canonicalAuthority } from './authorities';
export { findDates } from './dates';
export type { ImpliedDate } from './facts';

export interface DocumentOptions {
  /** Built-in profile name or a profile object; default chosen from the kind. */
  profile?: string | unknown;
}

export interface DocumentFindings {
  document: DocumentFacts;
  sections: Section[];
  missingSections: MissingSection[];
  problems: Problem[];
  /** Finer kind: "protokollsutdrag", "foredragningslista", "utlatande", "remissmissiv" (not part of the contract). */
  subkind?: Subkind;
  /** Name of the profile that was applied, or null (not part of the contract). */
  profile?: string | null;
  /** When the document states no date of its own: a date it implies, for reading law names (not part of the contract). */
  impliedDate?: ImpliedDate | null;
}

/** Elements a profile can require that are not headings. */
type ElementCheck = (ctx: CheckContext) => boolean;
interface CheckContext {
  document: DocumentFacts;
  sections: Section[];
  folded: string;
  signatures: boolean;
  paragraphs: boolean;
}

const ELEMENTS: Record<string, ElementCheck> = {
  'att-satser': (c) => c.document.proposals.some((p) => /^att\s/i.test(p)) || c.sections.some((s) => s.id === 'forslag-till-beslut'),
  underskrifter: (c) => c.signatures,
  datum: (c) => c.document.date !== null,
  diarienummer: (c) => c.document.caseNumbers.length > 0,
  handlaggare: (c) => c.document.officer !== null || /\bkontaktperson\b/.test(c.folded.slice(0, 5000)),
  paragrafer: (c) => c.paragraphs,
  justering: (c) => c.sections.some((s) => s.id === 'justering') || /\bjusterare\b|\bjusteras\b|\bjusteringens\s+plats|\bjusterarsignatur|\butdragsbestyrkande|\bvid\s+protokollet\b|\bjusterat\b|\butses\s+att\s+justera/.test(c.folded),
  narvaro: (c) => c.sections.some((s) => s.id === 'narvaro') || /^\s*(?:beslutande|n\S+rvarande|ledam\S+ter|tj\S+nstg\S+rande)\b/m.test(c.folded),
  'svar-senast': (c) => /\bsvar(?:et)?\s+senast\b|\btillhanda\s+senast\b|\bsenast\s+(?:den\s+)?\d|\bbesvaras\s+senast\b|\bska\s+ha\s+inkommit\b/.test(c.folded),
};

function emptyFacts(): DocumentFacts {
  return {
    kind: 'unknown',
    confidence: 0,
    evidence: [],
    title: null,
    date: null,
    caseNumbers: [],
    authority: null,
    officer: null,
    motion: null,
    proposals: [],
  };
}

export function analyzeDocument(text: string, options: DocumentOptions = {}): DocumentFindings {
  const problems: Problem[] = [];
  const facts = emptyFacts();
  if (!/\p{L}/u.test(text)) {
    return { document: { ...facts, evidence: ['ingen text'] }, sections: [], missingSections: [], problems, profile: null };
  }

  // an explicitly chosen profile (name or object) — its own headings count from the start
  let chosen: Profile | null = null;
  if (options.profile !== undefined && options.profile !== null && options.profile !== '') {
    try {
      chosen = loadProfile(options.profile);
    } catch (e) {
      if (!(e instanceof ProfileError)) throw e;
      problems.push({ code: 'profile-error', severity: 'error', message: e.message });
    }
  }
  const extraHeadings: HeadingDef[] = chosen?.headings ?? [];

  const folded = fold(text);
  const lines = toLines(text);
  const flines = lines.map((l) => folded.slice(l.start, l.end));
  const found = findHeadings(lines, extraHeadings);
  const paragraphLines = findParagraphs(lines, flines);
  const headEnd = found.length ? found[0].lineIndex : Math.min(lines.length, 40);

  const kindResult = classify({
    text,
    folded,
    lines,
    flines,
    headEnd,
    headingIds: found.map((h) => h.def.id),
    headingTexts: found.map((h) => h.heading),
  });
  const kind = kindResult.kind;
  facts.kind = kind;
  facts.confidence = kindResult.confidence;
  // evidence quotes the text; make OCR-damaged quotes readable ("Svar pa remiss fran" → "Svar på remiss från")
  facts.evidence = kindResult.evidence.map((e) => restoreDiacritics(e, text));

  const inp = { text, folded, lines, flines, headings: found, kind, headEnd };
  // (the head's title, officer and addressee read column by column where it has two: columnHead)
  const columns = columnHead(text, lines, headEnd);
  const headInp = columns ? { ...inp, lines: columns.lines, flines: columns.lines.map((l) => folded.slice(l.start, l.end)), headEnd: columns.headEnd } : inp;
  const { officer, lines: officerLines } = findOfficer(headInp);
  facts.officer = officer;
  facts.caseNumbers = orderCaseNumbers(inp);
  const agenda = kindResult.subkind === 'foredragningslista';
  facts.date = findOwnDate(agenda ? { ...inp, kind: 'protokoll' } : inp);
  if (kind !== 'unknown') {
    const t = findTitle(headInp, officerLines);
    facts.title = t.title ? cleanTitle(t.title, kind, text) : null;
  }
  if (kind !== 'unknown' || agenda) facts.authority = findAuthority(headInp, kind);
  if (kind !== 'unknown') {
    facts.motion = findMotion(inp, kind, facts.title);
    facts.proposals = findProposals(inp, kind);
  }

  // sections: headings, plus "§" items of a protokoll
  let heads: FoundHeading[] = found;
  if (kind === 'protokoll') {
    heads = [...found, ...paragraphLines].sort((a, b) => a.start - b.start);
  }
  const sections = toSections(heads, text.length);

  // profile: chosen, else from the kind
  let profile: Profile | null = chosen;
  if (!profile) profile = profileForKind(kind, kindResult.subkind);
  const missingSections: MissingSection[] = [];
  if (profile) {
    const ctx: CheckContext = {
      document: facts,
      sections,
      folded,
      signatures: hasSignatures(text, lines, kind),
      paragraphs: paragraphLines.length > 0,
    };
    const present = (id: string) => sections.some((s) => s.id === id) || (ELEMENTS[id]?.(ctx) ?? false);
    for (const [reqs, severity] of [
      [profile.required, 'error'],
      [profile.recommended, 'warning'],
    ] as const) {
      for (const r of reqs) {
        if (present(r.id)) continue;
        missingSections.push({ id: r.id, label: r.label, severity, reason: r.reason });
        problems.push({
          code: 'missing-section',
          severity,
          message: `${severity === 'error' ? 'Avsnittet saknas' : 'Avsnittet bör finnas'}: ${r.label}. ${r.reason}`,
        });
      }
    }
    problems.push(...orderProblems(sections, profile));
  }
  problems.push(...emptySectionProblems(sections, text, extraHeadings));

  return {
    document: facts,
    sections,
    missingSections,
    problems,
    subkind: kindResult.subkind,
    profile: profile?.name ?? null,
    impliedDate: facts.date === null ? findImpliedDate(inp) : null,
  };
}

/** "§ 14 Title" lines of a protokoll, as pseudo-headings with id "paragraf". */
function findParagraphs(lines: ReturnType<typeof toLines>, flines: string[]): FoundHeading[] {
  const out: FoundHeading[] = [];
  const def: HeadingDef = { id: 'paragraf', label: 'Paragraf', variants: [] };
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i];
    if (l.blank || l.text.length > 160) continue;
    if (!/^§\s?\d{1,4}(?:\/\d{2})?(?:\s|$)/.test(l.text)) continue;
    // a table of contents line lists several paragraphs: skip it
    if ((l.text.match(/§/g) ?? []).length > 1) continue;
    void flines;
    out.push({ def, start: l.contentStart, end: l.contentEnd, heading: l.text, lineIndex: i });
  }
  return out;
}

/** Signatures: "Name (PARTY)" lines, or a name line followed by a party name, near the end. */
function hasSignatures(text: string, lines: ReturnType<typeof toLines>, kind: string): boolean {
  const tail: string[] = [];
  for (let i = lines.length - 1; i >= 0 && tail.length < 25; i--) if (!lines[i].blank) tail.unshift(lines[i].text);
  const tailText = tail.join('\n');
  if (tail.some((t) => /^\p{Lu}[\p{L}'-]+(?:\s+\p{Lu}[\p{L}'-]+){1,3}\s*\((?:KD|MP|SD|Fi|FI|S|M|V|C|L|s|m|v|c|l|kd|mp|sd|fp|FP)\)\s*$/u.test(t))) return true;
  if (/^(?:socialdemokraterna|moderaterna|v\S+nsterpartiet|centerpartiet|liberalerna|kristdemokraterna|milj\S+partiet|sverigedemokraterna|feministiskt initiativ)$/m.test(fold(tailText))) return true;
  if (kind !== 'motion' && kind !== 'skrivelse') return findPersons(tailText).length > 0;
  void text;
  return false;
}

function orderProblems(sections: Section[], profile: Profile): Problem[] {
  const order = profile.order;
  if (!order?.length) return [];
  const out: Problem[] = [];
  let maxRank = -1;
  let maxSection: Section | undefined;
  const seen = new Set<string>();
  for (const s of sections) {
    const r = order.indexOf(s.id);
    if (r < 0 || seen.has(s.id)) continue;
    seen.add(s.id);
    if (r < maxRank && maxSection) {
      out.push({
        code: 'section-order',
        severity: 'warning',
        message: `Avsnittet '${s.heading}' står efter '${maxSection.heading}'; enligt mallen ska det komma före.`,
        start: s.start,
        end: s.start + s.heading.length,
      });
    } else if (r > maxRank) {
      maxRank = r;
      maxSection = s;
    }
  }
  return out;
}

function emptySectionProblems(sections: Section[], text: string, extra: HeadingDef[]): Problem[] {
  const out: Problem[] = [];
  for (let i = 0; i < sections.length; i++) {
    const s = sections[i];
    if (s.id === 'paragraf' || sections[i + 1]?.id === s.id) continue;
    const body = text.slice(s.start + s.heading.length, s.end);
    if (/\p{L}{2}/u.test(body)) continue;
    out.push({
      code: 'empty-section',
      severity: 'warning',
      message: `Avsnittet '${s.heading}' är tomt.${labelFor(s.id, extra) ? '' : ''}`,
      start: s.start,
      end: s.start + s.heading.length,
    });
  }
  return out;
}
