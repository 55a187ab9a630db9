/** Retention: keep at most a year (default) and at most 2,000 documents (default), newest visits first. */
import type { CaseRecord } from './schema';

export interface PruneOptions {
  maxAgeDays: number;
  maxCount: number;
  /** ISO date-time of now. */
  now: string;
}

export interface PruneResult {
  keep: CaseRecord[];
  /** Ids of the records to delete. */
  drop: string[];
}

export const DEFAULT_RETENTION = { maxAgeDays: 365, maxCount: 2000 } as const;

export function prune(records: CaseRecord[], options: PruneOptions): PruneResult {
  const cutoff = Date.parse(options.now) - options.maxAgeDays * 86_400_000;
  const sorted = [...records].sort((a, b) => b.lastSeen.localeCompare(a.lastSeen) || a.id.localeCompare(b.id));
  const keep: CaseRecord[] = [];
  const drop: string[] = [];
  for (const r of sorted) {
    const seen = Date.parse(r.lastSeen);
    if (keep.length < options.maxCount && !(Number.isFinite(seen) && seen < cutoff)) keep.push(r);
    else drop.push(r.id);
  }
  return { keep, drop };
}
