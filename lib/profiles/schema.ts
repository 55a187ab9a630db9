/** Profiles: which sections and elements a document of a kind must (error) or should (warning) have. */
import { z } from 'zod';
import { DocumentKindSchema } from '../analysis/schema';

export const RequirementSchema = z.object({
  /** A section id ("jamstalldhetsanalys") or an element id ("att-satser", "underskrifter", "datum", …). */
  id: z.string().min(1),
  /** The Swedish heading or element to add, shown to the user. */
  label: z.string().min(1),
  /** Why it is needed, in Swedish, shown to the user. */
  reason: z.string().min(1),
});
export type Requirement = z.infer<typeof RequirementSchema>;

export const ProfileHeadingSchema = z.object({
  id: z.string().min(1),
  label: z.string().min(1),
  /** Wordings that count as this heading; matching folds diacritics and tolerates OCR damage. */
  variants: z.array(z.string().min(1)).min(1),
});

export const ProfileSchema = z
  .object({
    name: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'namnet får bara innehålla a–z, 0–9 och bindestreck'),
    label: z.string().min(1),
    description: z.string().optional(),
    /** Kinds this profile is the default for (built-in profiles) or meant for. */
    kinds: z.array(DocumentKindSchema).default([]),
    /** Name of a profile whose requirements this one starts from. */
    extends: z.string().optional(),
    required: z.array(RequirementSchema).default([]),
    recommended: z.array(RequirementSchema).default([]),
    /** Ids removed from the extended profile. */
    remove: z.array(z.string()).default([]),
    /** Expected order of sections; present sections out of this order get a warning. */
    order: z.array(z.string()).optional(),
    /** The organisation's own headings (new ids or more wordings for existing ones). */
    headings: z.array(ProfileHeadingSchema).default([]),
  })
  .strict();

export type ProfileInput = z.input<typeof ProfileSchema>;
export type Profile = z.infer<typeof ProfileSchema>;
