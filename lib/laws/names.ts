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
