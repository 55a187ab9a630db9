/** zod schemas of the bundled law data (validated when loaded). */
import { z } from 'zod';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
export const SfsNumberSchema = z.string().regex(/^\d{4}:\d+(?: s\. ?\d+)?$/);

export const CoreLawSchema = z.object({
  sfs: SfsNumberSchema,
  title: z.string().min(1),
  abbreviations: z.array(z.string()).optional(),
  /** Name forms used in running text, lower case definite form ("socialtjänstlagen"). */
  names: z.array(z.string()),
  status: z.enum(['in-force', 'repealed']),
  issued: isoDate.optional(),
  inForceFrom: isoDate.optional(),
  repealedOn: isoDate.optional(),
  replacedBy: SfsNumberSchema.optional(),
  /** Title of the replacing law when it is not itself in the core. */
  replacedByTitle: z.string().optional(),
  /** Bundled laws: section numbers per chapter ("" = no chapter), comma-separated ("1,2,2 a"). */
  sections: z.record(z.string(), z.string()).optional(),
  /** Bundled laws: true when the law is divided into chapters. */
  chaptered: z.boolean().optional(),
  /**
   * Bundled laws: true when the source lost sections in conversion (a section's heading holds two
   * headings, " / ", after a gap in the numbers: the sections under the first one are gone), so a
   * section or chapter the data lacks may still exist.
   */
  sectionsIncomplete: z.boolean().optional(),
  /** Bundled laws: the section-text file (public/laws/…), loaded lazily. */
  textFile: z.string().optional(),
});
export type CoreLaw = z.infer<typeof CoreLawSchema>;

export const CoreAbbreviationSchema = z.object({
  abbr: z.string(),
  sfs: SfsNumberSchema,
  /** A less likely meaning (FL = förköpslagen, KL = konkurslagen): used only to report ambiguity. */
  secondary: z.boolean().optional(),
});

export const EuActSchema = z.object({
  celex: z.string().regex(/^3\d{4}[A-Z]\d{4}$/),
  title: z.string(),
  abbreviation: z.string().optional(),
  names: z.array(z.string()),
});
export type EuAct = z.infer<typeof EuActSchema>;

export const CoreDataSchema = z.object({
  version: z.literal(1),
  laws: z.array(CoreLawSchema),
  abbreviations: z.array(CoreAbbreviationSchema),
  eu: z.array(EuActSchema),
});
export type CoreData = z.infer<typeof CoreDataSchema>;

export const SectionTextSchema = z.object({
  section: z.string(),
  heading: z.string().optional(),
  /** Paragraphs (stycken) separated by "\n\n". */
  text: z.string(),
  possiblyTruncated: z.boolean().optional(),
  note: z.string().optional(),
  temporal: z.unknown().optional(),
});
export type SectionText = z.infer<typeof SectionTextSchema>;

export const LawTextsSchema = z.object({
  sfs: SfsNumberSchema,
  title: z.string(),
  source: z.unknown(),
  consolidatedThrough: z.string().optional(),
  chapters: z.array(
    z.object({ chapter: z.string().nullable(), title: z.string().nullable(), sections: z.array(SectionTextSchema) }),
  ),
});
export type LawTexts = z.infer<typeof LawTextsSchema>;

/** Row: [sfs, title, repealed 0|1, repealedOn?, repealedBy?, issued?, inForceFrom?] ("" = unknown). */
export const TitleIndexSchema = z.object({
  source: z.string(),
  fields: z.array(z.string()),
  entries: z.array(
    z.tuple([z.string(), z.string(), z.number().int().min(0).max(1)]).rest(z.string()),
  ),
});
export type TitleIndex = z.infer<typeof TitleIndexSchema>;
