/**
 * The constructors of citations. Each gives all the citations it makes the same keys in the same
 * order, undefined where a citation has none (JSON leaves those out: the output reads as if they
 * were absent). The engine's loops over all citations (sort, offset mapping, overlaps) then see
 * three object shapes instead of eight, and V8 keeps its property look-ups there fast.
 *
 * Citations are made in normalised offsets with an empty text: the engine maps start and end to the
 * original text and fills in the text at the end.
 */
import type { Citation, LawRef, Link, Target } from '../analysis/schema';

export function statuteCitation(start: number, end: number, targets: Target[] | undefined, law: LawRef | undefined, links: Link[] | undefined): Citation {
  return { start, end, text: '', kind: 'statute', targets, law, links, problems: undefined };
}

/** A preparatory work, case, EU act, agency regulation or case number (links only when there are any). */
export function citation(start: number, end: number, kind: Citation['kind'], ref: string, links: Link[] | undefined): Citation {
  return { start, end, text: '', kind, ref, links: links?.length ? links : undefined };
}

/** Provisions of an agency regulation ("4 kap. 2 § SOSFS 2014:5"): the regulation with the provisions as targets. */
export function regulationCitation(start: number, end: number, ref: string, targets: Target[] | undefined): Citation {
  return { start, end, text: '', kind: 'regulation', ref, links: undefined, targets };
}
