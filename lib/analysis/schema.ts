/**
 * The public contract of the engine: `AnalysisResult`, as specified in
 * `shared/docs/analysis-contract.md`. Defined once here; every other part
 * (content script, side panel, PDF viewer, CLI) imports these schemas or the
 * types inferred from them.
 */
import { z } from 'zod';

export const SCHEMA_VERSION = 1 as const;

/** UTF-16 offsets into the analysed text, `end` exclusive. */
const offset = z.number().int().nonnegative();
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'ISO-datum (ÅÅÅÅ-MM-DD)');
const httpUrl = z
  .string()
  .url()
  .refine((u) => /^https?:\/\//.test(u), 'bara http(s)-länkar');

export const DocumentKindSchema = z.enum([
  'motion',
  'remiss',
  'remissvar',
  'tjansteutlatande',
  'protokoll',
  'skrivelse',
  'unknown',
]);
export type DocumentKind = z.infer<typeof DocumentKindSchema>;

export const SeveritySchema = z.enum(['error', 'warning', 'info']);
export type Severity = z.infer<typeof SeveritySchema>;

export const PersonSchema = z.object({ name: z.string(), party: z.string() });

export const DocumentFactsSchema = z.object({
  kind: DocumentKindSchema,
  confidence: z.number().min(0).max(1),
  evidence: z.array(z.string()),
  title: z.string().nullable(),
  date: isoDate.nullable(),
  caseNumbers: z.array(z.string()),
  authority: z.string().nullable(),
  officer: z.object({ name: z.string(), phone: z.string().optional() }).nullable(),
  motion: z
    .object({ title: z.string().nullable(), authors: z.array(PersonSchema) })
    .nullable(),
  proposals: z.array(z.string()),
});
export type DocumentFacts = z.infer<typeof DocumentFactsSchema>;

export const SectionSchema = z.object({
  id: z.string(),
  heading: z.string(),
  start: offset,
  end: offset,
});
export type Section = z.infer<typeof SectionSchema>;

export const MissingSectionSchema = z.object({
  id: z.string(),
  label: z.string(),
  severity: z.enum(['error', 'warning']),
  reason: z.string(),
});
export type MissingSection = z.infer<typeof MissingSectionSchema>;

export const ProblemSchema = z.object({
  code: z.string(),
  severity: SeveritySchema,
  message: z.string(),
  start: offset.optional(),
  end: offset.optional(),
});
export type Problem = z.infer<typeof ProblemSchema>;

export const CitationKindSchema = z.enum([
  'statute',
  'preparatory',
  'case-law',
  'eu',
  'regulation',
  'case-number',
]);
export type CitationKind = z.infer<typeof CitationKindSchema>;

export const LawRefSchema = z.object({
  sfs: z.string(),
  title: z.string(),
  abbreviation: z.string().optional(),
  status: z.enum(['in-force', 'repealed']),
  repealedOn: isoDate.optional(),
  replacedBy: z.string().optional(),
});
export type LawRef = z.infer<typeof LawRefSchema>;

export const TargetSchema = z.object({
  chapter: z.string().optional(),
  section: z.string().optional(),
  sectionTo: z.string().optional(),
  paragraph: z.string().optional(),
  point: z.string().optional(),
});
export type Target = z.infer<typeof TargetSchema>;

export const LinkSchema = z.object({ label: z.string(), url: httpUrl });
export type Link = z.infer<typeof LinkSchema>;

export const CitationProblemSchema = z.object({ code: z.string(), message: z.string() });

export const CitationSchema = z.object({
  start: offset,
  end: offset,
  text: z.string(),
  kind: CitationKindSchema,
  law: LawRefSchema.optional(),
  targets: z.array(TargetSchema).optional(),
  ref: z.string().optional(),
  links: z.array(LinkSchema).optional(),
  problems: z.array(CitationProblemSchema).optional(),
});
export type Citation = z.infer<typeof CitationSchema>;

export const AnalysisResultSchema = z.object({
  schemaVersion: z.literal(SCHEMA_VERSION),
  file: z.string().optional(),
  /** Added to the contract: the name of the section profile that was applied ("stockholm-remissvar"). */
  profile: z.string().optional(),
  document: DocumentFactsSchema,
  sections: z.array(SectionSchema),
  missingSections: z.array(MissingSectionSchema),
  citations: z.array(CitationSchema),
  problems: z.array(ProblemSchema),
});
export type AnalysisResult = z.infer<typeof AnalysisResultSchema>;

export interface AnalyzeOptions {
  /** ISO date used to resolve time-dependent law names when the document has no date of its own. */
  date?: string;
  /** Name of a built-in profile, or a profile object (an organisation's own). Default: chosen from the kind. */
  profile?: string | unknown;
}

/**
 * Checks the invariants zod cannot express on its own: offsets inside the
 * text, `text.slice(start, end) === citation.text`, sections in order.
 * Returns a list of Swedish messages; empty when the result is consistent.
 */
export function offsetErrors(result: AnalysisResult, text: string): string[] {
  const errors: string[] = [];
  const inside = (s: number, e: number) => s <= e && e <= text.length;
  result.citations.forEach((c, i) => {
    if (!inside(c.start, c.end)) errors.push(`hänvisning ${i}: offset utanför texten`);
    else if (text.slice(c.start, c.end) !== c.text) errors.push(`hänvisning ${i}: texten stämmer inte med offset`);
    if (i > 0 && c.start < result.citations[i - 1].start) errors.push(`hänvisning ${i}: inte i dokumentordning`);
  });
  result.sections.forEach((s, i) => {
    if (!inside(s.start, s.end)) errors.push(`avsnitt ${i}: offset utanför texten`);
    if (i > 0 && s.start < result.sections[i - 1].start) errors.push(`avsnitt ${i}: inte i dokumentordning`);
  });
  result.problems.forEach((p, i) => {
    if (p.start !== undefined && p.end !== undefined && !inside(p.start, p.end))
      errors.push(`problem ${i}: offset utanför texten`);
  });
  return errors;
}
