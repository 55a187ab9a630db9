/** Name forms of laws, derived from their titles. */

const HEADS: Record<string, string> = { Lag: 'lagen', Förordning: 'förordningen', Kungörelse: 'kungörelsen', Balk: 'balken' };
const TITLE_HEAD = /^(Lag|Förordning|Kungörelse|Balk)\b(.*)$/;
// "Socialtjänstlag", "Offentlighets- och sekretesslag", "Radio- och tv-lag"
const ONE_WORD = /^((?:\p{L}+-(?:, \p{L}+-){0,3} (?:och|eller) )?[\p{L}-]*?)(lag|balk|förordning|kungörelse|ordning|stadga)$/u;

/**
 * The definite form a law is called by in running text:
 * "Socialtjänstlag" → "socialtjänstlagen", "Brottsbalk" → "brottsbalken",
 * "Lag om stöd och service till vissa funktionshindrade" → "lagen om stöd och service till vissa funktionshindrade".
 * Returns null when the title has no such form.
 */
export function definiteForm(title: string): string | null {
  const t = title.trim().replace(/\s+/g, ' ');
  const m = TITLE_HEAD.exec(t);
  if (m) return m[2].trim() ? HEADS[m[1]] + m[2] : null;
  if (t.length > 60) return null;
  const w = ONE_WORD.exec(t);
  if (w && w[1].length >= 2) return (w[1] + (w[2] === 'stadga' ? 'stadgan' : `${w[2]}en`)).toLowerCase();
  return null;
}

/** Nouns that head amending or technical titles ("Lag om ändring i …"), never a law's short name. */
const NOT_SHORT = new Set(['ändring', 'ändringar', 'upphävande', 'införande', 'ikraftträdande', 'tillämpning', 'fortsatt', 'fortsatta', 'vissa', 'särskilda', 'särskild', 'godkännande', 'bemyndigande', 'ersättning', 'åtgärder', 'avgift', 'avgifter', 'skatt', 'bidrag', 'tillfälliga', 'tillfällig']);
const SHORT_TITLE = /^Lag om (\p{Ll}{5,24})(?: (?:till|av|för|i|vid|mot|på|inom|under|med|om)\b.*)?$/u;

/**
 * The conventional short name of a "Lag om X …" title whose subject is one noun:
 * "Lag om upphovsrätt till litterära och konstnärliga verk" → "upphovsrättslagen",
 * "Lag om medbestämmande i arbetslivet" → "medbestämmandelagen". A linking "s" is added after
 * a consonant (not after -s, -x, -z). Returns null for other titles.
 */
export function shortForm(title: string): string | null {
  const m = SHORT_TITLE.exec(title.trim().replace(/\s+/g, ' '));
  // Plural or definite subjects ("kriterier", "viten") make no conventional short name.
  if (!m || NOT_SHORT.has(m[1]) || /(?:ar|er|or|en|et|na)$/.test(m[1])) return null;
  const x = m[1];
  const link = /[aeiouyåäöésxz]$/.test(x) ? '' : 's';
  return `${x}${link}lagen`;
}
