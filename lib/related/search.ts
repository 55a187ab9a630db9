/** The history page's search: every word of the query must appear in title, dnr, authority, laws, kind or address. */
import { foldText } from './fold';
import type { CaseRecord } from './schema';

export function searchableText(r: CaseRecord): string {
  return foldText(
    [
      r.title ?? '',
      r.motion?.title ?? '',
      ...(r.motion?.authors.map((a) => `${a.name} ${a.party}`) ?? []),
      ...r.caseNumbers,
      ...r.refCaseNumbers,
      r.authority ?? '',
      ...r.laws.map((l) => `${l.provision ?? ''} ${l.name} ${l.title ?? ''} ${l.sfs}`),
      r.kind,
      r.url ?? '',
      r.fileName ?? '',
      r.date ?? '',
    ].join(' \u0001 '),
  );
}

export function matchesQuery(r: CaseRecord, query: string): boolean {
  const words = foldText(query).split(' ').filter((w) => w.length > 0);
  if (words.length === 0) return true;
  const hay = searchableText(r);
  return words.every((w) => hay.includes(w));
}

export function searchRecords(records: CaseRecord[], query: string): CaseRecord[] {
  return records.filter((r) => matchesQuery(r, query));
}
