/**
 * Bare articles after an act that has them: "Barnkonventionen är sedan 2020 svensk lag. Enligt artikel 23 har …",
 * "… enligt dataskyddsförordningen. En konsekvensbedömning enligt artikel 35 …". The article belongs to the EU
 * act or the convention made law cited last in the same paragraph; an article followed by "i" or "enligt" names
 * its own act ("artikel 3 i avtalet") and is left alone.
 */
import type { Citation } from '../analysis/schema';
import type { LawRegistry } from '../laws/registry';
import { foldName } from '../text/fold';
import { isSpace } from '../text/normalize';
import { celexLinks, statuteLinks } from './links';
import { citation, statuteCitation } from './make';
import { AFTER_ARTICLE_NUMBER, ART_NUM } from './other';

/** "artikel 35", "art. 39.1 c", not followed by "i"/"enligt" and another act (after the point too: "artikel 3.2 b i avtalet"). */
const BARE_ARTICLE = new RegExp(String.raw`(?<![\p{L}])(?:[Aa]rtikel|[Aa]rt\.)\s?(${ART_NUM})(?!\d|\p{L}|\.\d)(?!\s(?:[a-hj-z]\s)?(?:i|enligt)\s)`, 'gu');

/** May the citation be an act that bare articles belong to: an EU act, or a law cited without provisions (if a convention)? */
export const mayBeAct = (c: Citation): boolean => c.kind === 'eu' || (c.kind === 'statute' && c.targets === undefined);

/**
 * The citations (in order, not overlapping, offsets into `text`) with the bare articles after an act added in
 * order. `candidates` are the indices, in order, of the citations that mayBeAct: only the gaps from an act to
 * the end of its paragraph, or to the next act, are read (a pass of its own over every citation cost more, on a
 * long text, than the few gaps after an act). Only the text between two citations is read, so no article is
 * taken from inside one.
 */
export function withBareArticles(text: string, citations: Citation[], candidates: readonly number[], registry: LawRegistry): Citation[] {
  /** Whether a law is a convention, by SFS number (asked once per law). */
  const convention = new Map<string, boolean>();
  const isAct = (c: Citation): boolean => {
    if (c.kind === 'eu') return true;
    if (!c.law) return false;
    let v = convention.get(c.law.sfs);
    if (v === undefined) {
      v = registry.get(c.law.sfs)?.sections?.has('Bilaga') === true || foldName(c.law.title).includes('konvention');
      convention.set(c.law.sfs, v);
    }
    return v;
  };
  const acts = candidates.filter((k) => isAct(citations[k]));
  if (!acts.length) return citations;
  /** The articles found, each after the citation at the index before it. */
  const found: [number, Citation][] = [];
  /** The next line break at or after the current gap's start (text.length when there is none). */
  let nl = -1;
  for (let a = 0; a < acts.length; a++) {
    const act = citations[acts[a]];
    // The gaps after the act and after each citation that follows it in its paragraph, up to the next act.
    const until = a + 1 < acts.length ? acts[a + 1] : citations.length;
    for (let k = acts[a]; k < until; k++) {
      const from = citations[k].end;
      let to = k + 1 < citations.length ? citations[k + 1].start : text.length;
      // (the paragraph ends at a blank line: a line break, spaces and another, as normalisation reads it)
      if (nl < from) nl = text.indexOf('\n', from);
      if (nl < 0) nl = text.length;
      let ends = false;
      while (nl < to) {
        let j = nl + 1;
        while (j < text.length && text.charCodeAt(j) !== 10 && isSpace(text.charCodeAt(j))) j += 1;
        if (text.charCodeAt(j) === 10) {
          to = nl;
          ends = true;
          break;
        }
        nl = text.indexOf('\n', nl + 1);
        if (nl < 0) nl = text.length;
      }
      // ("artikel 1" has nine characters)
      if (to - from >= 9) {
        const gap = text.slice(from, to);
        if (gap.includes('rtikel') || gap.includes('rt.')) {
          for (const m of gap.matchAll(BARE_ARTICLE)) {
            const s = from + m.index;
            const e = s + m[0].length;
            const law = act.law;
            found.push([
              k,
              act.kind === 'eu' || !law
                ? citation(s, e, 'eu', act.ref as string, celexLinks(act.ref as string, m[1].replace(AFTER_ARTICLE_NUMBER, '')))
                : statuteCitation(s, e, undefined, law, statuteLinks(law.sfs, law.title, undefined)),
            ]);
          }
        }
      }
      if (ends) break;
    }
  }
  if (!found.length) return citations;
  const out: Citation[] = [];
  let f = 0;
  for (let k = 0; k < citations.length; k++) {
    out.push(citations[k]);
    while (f < found.length && found[f][0] === k) out.push(found[f++][1]);
  }
  return out;
}
