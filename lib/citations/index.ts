/**
 * Citation engine (issue 3). Finds Swedish legal references in `text` and
 * resolves statutes to the right law at `options.date`.
 * PLACEHOLDER until the engine lands: finds nothing.
 */
import type { Citation, Problem } from '../analysis/schema';

export interface FindCitationsOptions {
  /** ISO date the document speaks from (its own date, or the caller's --date, or today). */
  date: string;
  /** True when `date` is the document's own or the user's choice, false when it is only today's date. */
  dateKnown: boolean;
}

export interface CitationFindings {
  citations: Citation[];
  /** Citation problems lifted to the document level, with severity and offsets. */
  problems: Problem[];
}

export function findCitations(text: string, options: FindCitationsOptions): CitationFindings {
  void text;
  void options;
  return { citations: [], problems: [] };
}
