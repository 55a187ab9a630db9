/**
 * The named rules of the draft check. Every finding carries one of these ids in
 * `rule`; the UI lists them (Swedish name, description) and lets the user ignore
 * a rule. `code` on a finding is the finer contract code (e.g. the engine's
 * "missing-section"), several codes may share a rule.
 */
import type { Severity } from '../analysis/schema';

export type RuleGroup = 'sections' | 'citations' | 'personal-data' | 'facts' | 'readability';

export interface RuleInfo {
  id: string;
  group: RuleGroup;
  /** Swedish short name, shown in the list of ignored rules. */
  name: string;
  /** Swedish description: what the rule checks and why. */
  description: string;
  /** Severity when nothing else decides (the engine may lower it, e.g. a repealed law in an undated text → info). */
  severity: Severity;
  /** True when the finding comes from `analyze()` itself, false when the draft check adds it. */
  fromEngine: boolean;
}

/** Sentences with more words than this get a `long-sentence` warning. */
export const LONG_SENTENCE_WORDS = 40;
/** A text with a LIX above this gets a `lix-high` note… */
export const LIX_HIGH = 60;
/** …when it has at least this many words (LIX on a few lines says nothing). */
export const LIX_MIN_WORDS = 100;

export const GROUP_LABELS: Record<RuleGroup, { sv: string; en: string }> = {
  sections: { sv: 'Avsnitt', en: 'Sections' },
  citations: { sv: 'Lagrumshänvisningar', en: 'Legal references' },
  'personal-data': { sv: 'Personuppgifter', en: 'Personal data' },
  facts: { sv: 'Uppgifter', en: 'Facts' },
  readability: { sv: 'Läsbarhet', en: 'Readability' },
};

export const RULES: readonly RuleInfo[] = [
  // sections
  { id: 'section-missing', group: 'sections', name: 'Obligatoriskt avsnitt saknas', description: 'Ett avsnitt som profilen (t.ex. stadens mall för tjänsteutlåtanden) kräver saknas.', severity: 'error', fromEngine: true },
  { id: 'section-recommended', group: 'sections', name: 'Rekommenderat avsnitt saknas', description: 'Ett avsnitt som profilen rekommenderar saknas.', severity: 'warning', fromEngine: true },
  { id: 'section-order', group: 'sections', name: 'Avsnitt i fel ordning', description: 'Avsnitten står inte i den ordning som mallen anger.', severity: 'warning', fromEngine: true },
  { id: 'section-empty', group: 'sections', name: 'Tomt avsnitt', description: 'En rubrik utan text under.', severity: 'warning', fromEngine: true },
  { id: 'profile', group: 'sections', name: 'Profilen kunde inte användas', description: 'Den valda profilen finns inte eller är ogiltig.', severity: 'error', fromEngine: true },
  // citations
  { id: 'repealed-law', group: 'citations', name: 'Upphävd lag', description: 'Hänvisningen gäller en lag som var upphävd vid dokumentets datum; förslaget anger den lag som ersatt den.', severity: 'error', fromEngine: true },
  { id: 'missing-chapter', group: 'citations', name: 'Kapitel saknas', description: 'En paragraf i en kapitelindelad lag anges utan kapitel.', severity: 'warning', fromEngine: true },
  { id: 'unknown-section', group: 'citations', name: 'Okänd paragraf', description: 'Paragrafen eller kapitlet finns inte i lagen enligt Remisskollens lagdata.', severity: 'warning', fromEngine: true },
  { id: 'unknown-abbreviation', group: 'citations', name: 'Okänd förkortning', description: 'En lagförkortning som Remisskollen inte känner till.', severity: 'warning', fromEngine: true },
  { id: 'unknown-law', group: 'citations', name: 'Okänd lag', description: 'En paragraf hänvisas till en lag vars namn Remisskollen inte känner till (t.ex. "18 § minoritetslagen" utan SFS-nummer).', severity: 'info', fromEngine: true },
  { id: 'ambiguous-law', group: 'citations', name: 'Tvetydig förkortning', description: 'Förkortningen kan betyda flera lagar.', severity: 'info', fromEngine: true },
  { id: 'undated-law', group: 'citations', name: 'Lag tolkad utan dokumentets datum', description: 'Dokumentet saknar datum, så lagens namn lästes efter dagens datum eller året i handlingens nummer, och namnet avsåg en annan lag kort dessförinnan.', severity: 'info', fromEngine: true },
  { id: 'law-without-sfs', group: 'citations', name: 'SFS-nummer saknas', description: 'En lag nämns första gången utan sitt SFS-nummer, t.ex. "socialtjänstlagen (2025:400)".', severity: 'warning', fromEngine: false },
  { id: 'abbreviation-before-definition', group: 'citations', name: 'Förkortning före förklaring', description: 'En förkortning används innan den förklaras (skrivs ut) längre fram i texten.', severity: 'warning', fromEngine: false },
  { id: 'citation-other', group: 'citations', name: 'Annat problem med hänvisning', description: 'Övriga problem som hänvisningsmotorn rapporterar.', severity: 'warning', fromEngine: true },
  // personal data
  { id: 'personnummer', group: 'personal-data', name: 'Personnummer', description: 'Ett giltigt personnummer eller samordningsnummer (kontrollsiffran stämmer). Sådana hör inte hemma i en allmän handling som publiceras.', severity: 'error', fromEngine: false },
  { id: 'private-phone', group: 'personal-data', name: 'Privat telefonnummer', description: 'Ett telefonnummer som inte hör till handläggaren eller myndigheten (inte stadens 08-508-nummer och inte i ett kontaktblock).', severity: 'warning', fromEngine: false },
  { id: 'private-email', group: 'personal-data', name: 'E-post utanför staden', description: 'En e-postadress som inte hör till myndighetens domän (stockholm.se).', severity: 'warning', fromEngine: false },
  // facts
  { id: 'case-number-missing', group: 'facts', name: 'Diarienummer saknas', description: 'Handlingen saknar diarienummer.', severity: 'warning', fromEngine: true },
  { id: 'case-number-inconsistent', group: 'facts', name: 'Diarienummer stämmer inte', description: 'Två diarienummer ur samma diarium och år skiljer sig åt.', severity: 'warning', fromEngine: false },
  { id: 'date-missing', group: 'facts', name: 'Datum saknas', description: 'Handlingen saknar datum.', severity: 'warning', fromEngine: true },
  { id: 'date-future', group: 'facts', name: 'Datum i framtiden', description: 'Handlingens datum ligger efter dagens datum.', severity: 'warning', fromEngine: false },
  { id: 'officer-missing', group: 'facts', name: 'Handläggare saknas', description: 'Ingen handläggare eller kontaktperson anges.', severity: 'warning', fromEngine: true },
  { id: 'officer-phone-missing', group: 'facts', name: 'Handläggarens telefon saknas', description: 'Handläggaren anges utan telefonnummer.', severity: 'warning', fromEngine: false },
  { id: 'remiss-not-mentioned', group: 'facts', name: 'Beslutsförslaget nämner inte remissen', description: 'I ett remissvar ska förslaget till beslut säga att nämnden svarar på remissen.', severity: 'warning', fromEngine: false },
  { id: 'element-missing', group: 'facts', name: 'Uppgift saknas', description: 'En uppgift som profilen kräver eller rekommenderar (t.ex. underskrifter, att-satser) saknas.', severity: 'warning', fromEngine: true },
  // readability
  { id: 'long-sentence', group: 'readability', name: 'Mycket lång mening', description: `En mening med fler än ${LONG_SENTENCE_WORDS} ord.`, severity: 'warning', fromEngine: false },
  { id: 'lix-high', group: 'readability', name: 'Mycket svår text (LIX)', description: `Hela texten har LIX över ${LIX_HIGH} (mycket svår) och minst ${LIX_MIN_WORDS} ord. LIX per avsnitt visas i läsbarhetsöversikten.`, severity: 'info', fromEngine: false },
];

export const RULES_BY_ID: ReadonlyMap<string, RuleInfo> = new Map(RULES.map((r) => [r.id, r]));

export function ruleInfo(id: string): RuleInfo | undefined {
  return RULES_BY_ID.get(id);
}
