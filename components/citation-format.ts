/** Swedish wording for citations, shared by the look-up card, the panel and exports. */
import type { Citation, CitationKind } from '@/lib';
import { describeTarget } from '@/lib/citations/links';
import { definiteForm } from '@/lib/laws/names';
import { currentLocale, keyPart, t, type MessageKey } from './i18n';

/** "Lagrum", "Förarbete" … for one citation (the card). */
export function kindLabel(kind: CitationKind): string {
  return t(`cardKind_${keyPart(kind)}` as MessageKey);
}

/** The provisions a statute citation points at: "3 kap. 3 a §, 7 §". */
export function provisions(c: Citation): string {
  return (c.targets ?? []).map(describeTarget).filter(Boolean).join(', ');
}

/**
 * A normalised citation to paste into a document:
 * "3 kap. 3 a § socialtjänstlagen (2001:453)", "prop. 2000/01:80 s. 91", "KS 2023/105".
 */
export function normalizedCitation(c: Citation): string {
  if (c.kind === 'statute' && c.law) {
    const name = definiteForm(c.law.title) ?? c.law.title;
    const where = provisions(c);
    return `${where ? `${where} ` : ''}${name} (${c.law.sfs})`;
  }
  return c.ref ?? c.text.replace(/\s+/g, ' ').trim();
}

/** A date in the interface language ("24 augusti 2023"); the ISO string when it is not a date. */
export function formatDate(iso: string): string {
  const d = new Date(`${iso}T12:00:00`);
  return Number.isNaN(d.getTime()) ? iso : new Intl.DateTimeFormat(currentLocale() === 'sv' ? 'sv-SE' : 'en-GB', { dateStyle: 'long' }).format(d);
}
