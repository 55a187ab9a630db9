/**
 * The draft check's output: findings compatible with the contract's `problems`
 * (code, severity, message, start, end) plus the rule, its group, a suggestion
 * and a stable id; and the JSON line `remisskollen check --json` prints per file.
 */
import { z } from 'zod';
import { ProblemSchema, SeveritySchema } from '../analysis/schema';

export const CHECK_SCHEMA_VERSION = 1 as const;

const offset = z.number().int().nonnegative();

export const RuleGroupSchema = z.enum(['sections', 'citations', 'personal-data', 'facts', 'readability']);

/** One finding. A superset of the contract's Problem: `ProblemSchema.parse(finding)` works. */
export const FindingSchema = ProblemSchema.extend({
  /** Stable id within one text: rule, code, the matched text and its occurrence number (for "ignore once"). */
  id: z.string().min(1),
  /** Named rule (see RULES). */
  rule: z.string().min(1),
  group: RuleGroupSchema,
  code: z.string().min(1),
  severity: SeveritySchema,
  message: z.string().min(1),
  /** What to write instead, in Swedish, when there is something concrete to suggest. */
  suggestion: z.string().optional(),
  start: offset.optional(),
  end: offset.optional(),
});
export type Finding = z.infer<typeof FindingSchema>;

export const LixLevelSchema = z.enum(['mycket-latt', 'latt', 'medelsvar', 'svar', 'mycket-svar']);
export type LixLevel = z.infer<typeof LixLevelSchema>;

export const LixScoreSchema = z.object({
  /** LIX rounded to a whole number; null when there are no words. */
  value: z.number().int().nonnegative().nullable(),
  level: LixLevelSchema.nullable(),
  /** Swedish label of the level: "medelsvår". */
  label: z.string().nullable(),
  words: z.number().int().nonnegative(),
  sentences: z.number().int().nonnegative(),
  longWords: z.number().int().nonnegative(),
});
export type LixScore = z.infer<typeof LixScoreSchema>;

export const SectionLixSchema = LixScoreSchema.extend({
  id: z.string(),
  heading: z.string(),
  start: offset,
  end: offset,
});

export const ReadabilitySchema = LixScoreSchema.extend({
  sections: z.array(SectionLixSchema),
  /** The Swedish scale, for display: "under 30 mycket lätt, 30–40 lätt, …". */
  scale: z.string(),
  /** Longest sentence in words. */
  longestSentence: z.number().int().nonnegative(),
});
export type Readability = z.infer<typeof ReadabilitySchema>;

export const CountsSchema = z.object({
  error: z.number().int().nonnegative(),
  warning: z.number().int().nonnegative(),
  info: z.number().int().nonnegative(),
});
export type Counts = z.infer<typeof CountsSchema>;

/** One line of `remisskollen check --json`. */
export const CheckJsonLineSchema = z.object({
  checkVersion: z.literal(CHECK_SCHEMA_VERSION),
  file: z.string(),
  /** "2 fel, 5 varningar — LIX 48, medelsvår" */
  summary: z.string(),
  counts: CountsSchema,
  kind: z.string(),
  profile: z.string().nullable(),
  date: z.string().nullable(),
  lix: ReadabilitySchema,
  /** Findings left after --ignore, errors first, then by place. */
  problems: z.array(FindingSchema),
});
export type CheckJsonLine = z.infer<typeof CheckJsonLineSchema>;
