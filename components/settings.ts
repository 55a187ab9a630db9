/** The user's settings shown on the options page (issue 5/7). */
import { z } from 'zod';
import { defineStoredSetting } from './stored-setting';

export const SettingsSchema = z.object({
  /** Highlight references on every page the extension may read, not only on council documents. */
  highlightEverywhere: z.boolean(),
  /** Section profile: "auto" = chosen from the document's kind, else a profile name. */
  profile: z.string().min(1),
  /** Interface language: follow the browser, or always Swedish / English. */
  language: z.enum(['auto', 'sv', 'en']),
  /** Which sites the look-up card links to for statutes. */
  lawLinks: z.enum(['both', 'riksdagen', 'lagen-nu']),
});
export type Settings = z.infer<typeof SettingsSchema>;

export const settings = defineStoredSetting('local:settings', SettingsSchema, {
  highlightEverywhere: false,
  profile: 'auto',
  language: 'auto',
  lawLinks: 'both',
});
