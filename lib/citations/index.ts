/**
 * Citation engine (issue 3). Finds Swedish legal references in `text`, resolves
 * statutes to the right law at `options.date`, links them and reports problems.
 * Pure and synchronous; offsets are UTF-16 offsets into `text`.
 */
import type { Citation, LawRef, Link, Problem, Target } from '../analysis/schema';
import { findCaseNumbers } from '../documents/case-numbers';
import { defaultRegistry } from '../laws/default';
import type { LawInfo, LawRegistry } from '../laws/registry';
import { normalizeText } from '../text/normalize';
import { mayBeAct, withBareArticles } from './articles';
import { describeTarget, lawLinks, statuteLinksOf, type LawLinks } from './links';
import { findAbbreviationHits, findMentions, findNameHits, latestPredecessor, newDocState, reportsRepeal, toResolved, type Mention, type MentionContext, type ResolvedLaw } from './mentions';
import { findCaseLaw, findEu, findPreparatory, findRegulations } from './other';
import { citation, regulationCitation, statuteCitation } from './make';
import { findProvisions, type ProvisionGroup } from './statutes';

export interface FindCitationsOptions {
  /** ISO date the document speaks from (its own date, or the caller's --date, or today). */
  date: string;
  /** True when `date` is the document's own or the user's choice, false when it is only today's date or `implied`. */
  dateKnown: boolean;
  /**
   * When dateKnown is false and `date` is not today's but read from the document (the year of its
   * number): what it was read from, in Swedish, for the messages ("året 2016 i \"PM 2016:122\""), and
   * from when a law's change of meaning gets the undated note (default: the last UNDATED_NOTE_YEARS years).
   */
  implied?: { basis: string; since: string };
  /** Law registry to resolve against (default: the shared bundled one). */
  registry?: LawRegistry;
}

export interface CitationFindings {
  citations: Citation[];
  /** Citation problems lifted to the document level, with severity and offsets. */
  problems: Problem[];
}

export { describeTarget } from './links';

/** Text between a provision and the agency regulation it belongs to: "", " i", " enligt Socialstyrelsens föreskrifter och allmänna råd (". */
const REGULATION_GAP = /^\s?(?:(?:i|enligt)\s)?(?:(?:\p{Lu}\p{L}*s\s)?(?:föreskrifter|allmänna råd)(?:\soch allmänna råd)?\s?)?\(?$/u;

/** A line that ends a clause, and the start of a line that goes on one (a paragraph split inside a citation). */
const LINE_ENDS_CLAUSE = /[.!?:]\s?$/;
const LINE_GOES_ON = /^\s?[\d()§\p{Ll}]/u;
/** Provisions need a digit ("3 kap. 5 §", "kap. 7 §") or a stycke word. (Global: found in nt from a paragraph's start.) */
const PROVISION_CUE = /\d|styck/g;
/**
 * What every provision group holds besides: a "§", a chapter word ("kap", folded as the tokenizer folds it), a
 * colon between digits ("4:1 SoL"), or a stycke word ("stycket", "st" after an ordinal and a space: the tokens
 * of a paragraph are separated by spaces, and a literal space scans faster than \s).
 */
const GROUP_CUE = /§|[kK\u212a][aAåäàÅÄÀ\u212b][pP]|\d:\d|styck| [sS][tT](?![\p{L}])/u;

/**
 * How many years back an undated document's note on a law's predecessor reaches: council documents
 * older than that are rare on the web, and on every undated page a note on, say, the social services
 * act of 1980 would be noise.
 */
const UNDATED_NOTE_YEARS = 20;

/** A förordning ("Förordning om …", "Socialtjänstförordning"), not a lag ("Lag … till EU:s dataskyddsförordning"). */
const isOrdinance = (law: ResolvedLaw): boolean => {
  const t = law.title;
  return t.startsWith('Förordning') || t.startsWith('förordning') || (t.endsWith('förordning') && !t.includes(' '));
};

/** How far back (characters) a bare provision looks for the law named last in its paragraph. */
const CONTEXT_WINDOW = 600;

const KIND_PRIORITY: Record<Citation['kind'], number> = {
  statute: 0, eu: 1, preparatory: 2, 'case-law': 3, regulation: 4, 'case-number': 5,
};

/** "socialtjänstlagen (2001:453)": the law's name form, else its title. */
function lawDisplay(law: { sfs: string; title: string }, registry: LawRegistry): string {
  const name = registry.get(law.sfs)?.names[0];
  const t = name && !name.startsWith('lagen ') ? name : law.title;
  return `${t.charAt(0).toLowerCase()}${t.slice(1)} (${law.sfs})`;
}

type StatuteProblems = { problems: { code: string; message: string }[]; severities: Problem['severity'][] };
const NO_PROBLEMS: StatuteProblems = { problems: [], severities: [] };
const NO_SEVERITIES: Problem['severity'][] = [];
const NO_GROUPS: ProvisionGroup[] = [];

// Scratch of mergeEvents (valid until its next call; overwritten, never emptied: setting an array's length to 0
// frees its store, and every paragraph then grew it again).
const usedMentions: Mention[] = [];
const eventList: (ProvisionGroup | Mention)[] = [];
const eventIsGroup: boolean[] = [];
const byStart = (a: { s: number }, b: { s: number }): number => a.s - b.s;

/**
 * Groups and the mentions not used by a group, by start (a group first on a tie): the order of a
 * stable sort of the groups followed by the mentions. Mentions come sorted by start. The first
 * `count` entries of `events` and `isGroup` are this paragraph's.
 */
function mergeEvents(groups: ProvisionGroup[], mentions: Mention[]): { events: (ProvisionGroup | Mention)[]; isGroup: boolean[]; count: number } {
  const events = eventList;
  const isGroup = eventIsGroup;
  let count = 0;
  const add = (x: ProvisionGroup | Mention, g: boolean): void => {
    events[count] = x;
    isGroup[count++] = g;
  };
  // The used mentions by start, walked along with the mentions (no set to build per paragraph).
  const used = usedMentions;
  let usedCount = 0;
  for (const g of groups) if (g.mention) used[usedCount++] = g.mention;
  let usedSorted = true;
  for (let k = 1; k < usedCount && usedSorted; k++) if (used[k].s < used[k - 1].s) usedSorted = false;
  if (!usedSorted) {
    const sorted = used.slice(0, usedCount).sort(byStart);
    for (let k = 0; k < usedCount; k++) used[k] = sorted[k];
  }
  let ui = 0;
  const isUsed = (m: Mention): boolean => {
    while (ui < usedCount && used[ui].s < m.s) ui += 1;
    for (let k = ui; k < usedCount && used[k].s === m.s; k++) if (used[k] === m) return true;
    return false;
  };
  let sorted = true;
  for (let k = 1; k < groups.length && sorted; k++) if (groups[k].s < groups[k - 1].s) sorted = false;
  if (sorted) {
    let gi = 0;
    let mi = 0;
    while (gi < groups.length || mi < mentions.length) {
      if (mi < mentions.length && usedCount && isUsed(mentions[mi])) mi += 1;
      else if (mi >= mentions.length || (gi < groups.length && groups[gi].s <= mentions[mi].s)) add(groups[gi++], true);
      else add(mentions[mi++], false);
    }
  } else {
    const usedList = used.slice(0, usedCount);
    const ms = mentions.filter((m) => !usedList.includes(m));
    const evs = [...groups.map((g) => ({ s: g.s, x: g as ProvisionGroup | Mention, g: true })), ...ms.map((m) => ({ s: m.s, x: m as ProvisionGroup | Mention, g: false }))].sort(byStart);
    for (const ev of evs) add(ev.x, ev.g);
  }
  // (entries past count hold earlier paragraphs' objects until overwritten: at most the longest paragraph's events)
  return { events, isGroup, count };
}

/** The order the overlap pass needs: by start, then kind priority, then the longer span first. */
const citationOrder = (a: Citation, b: Citation): number => a.start - b.start || KIND_PRIORITY[a.kind] - KIND_PRIORITY[b.kind] || b.end - a.end;

/**
 * Sorts the citations in citationOrder, stably, as Array.prototype.sort would: a merge sort of the runs
 * already in order by start, then each run of citations with the same start by the whole order. Each
 * finder makes its citations in text order, so the list is a few dozen ordered runs, and the merges
 * take a few sequential passes (a comparator sort of the objects was 4 % of the engine's instructions;
 * a radix sort's scattered writes missed the caches on a long text). The starts are read once into a
 * typed array, sorted with the citations' indices: on 16 MB of text the citations are some 50 MB of
 * objects spread over the heap.
 */
function sortCitations(cs: Citation[]): void {
  const n = cs.length;
  if (n < 64) {
    cs.sort(citationOrder);
    return;
  }
  let keys = new Int32Array(n);
  let order = new Int32Array(n);
  /** Where each ordered run starts, and n. */
  let runs: number[] = [0];
  for (let k = 0; k < n; k++) {
    keys[k] = cs[k].start;
    order[k] = k;
    if (k > 0 && keys[k] < keys[k - 1]) runs.push(k);
  }
  runs.push(n);
  let keysTo = new Int32Array(n);
  let orderTo = new Int32Array(n);
  while (runs.length > 2) {
    const merged = [0];
    for (let r = 0; r + 1 < runs.length; r += 2) {
      const a = runs[r];
      const m = runs[r + 1];
      const e = r + 2 < runs.length ? runs[r + 2] : m;
      let i = a;
      let j = m;
      let w = a;
      // (on equal starts the left run's citation first: stable)
      while (i < m && j < e) {
        if (keys[j] < keys[i]) {
          keysTo[w] = keys[j];
          orderTo[w++] = order[j++];
        } else {
          keysTo[w] = keys[i];
          orderTo[w++] = order[i++];
        }
      }
      for (; i < m; i++, w++) {
        keysTo[w] = keys[i];
        orderTo[w] = order[i];
      }
      for (; j < e; j++, w++) {
        keysTo[w] = keys[j];
        orderTo[w] = order[j];
      }
      merged.push(e);
    }
    runs = merged;
    [keys, keysTo] = [keysTo, keys];
    [order, orderTo] = [orderTo, order];
  }
  const unsorted = cs.slice();
  for (let k = 0; k < n; k++) if (order[k] !== k) cs[k] = unsorted[order[k]];
  // Runs with the same start (a few citations at most): insertion sort, stable.
  for (let k = 1; k < n; k++) {
    if (keys[k] !== keys[k - 1]) continue;
    const x = cs[k];
    let j = k;
    for (; j > 0 && keys[j - 1] === keys[k] && citationOrder(cs[j - 1], x) > 0; j--) cs[j] = cs[j - 1];
    cs[j] = x;
  }
}

export function findCitations(text: string, options: FindCitationsOptions): CitationFindings {
  const registry = options.registry ?? defaultRegistry();
  const date = options.date;
  const norm = normalizeText(text);
  const nt = norm.text;
  const state = newDocState();
  /** The citations made (in normalised offsets until they are mapped), in one array compacted in place through every stage up to the output. */
  const citations: Citation[] = [];
  /** The severities of a citation's problems, kept aside for the few citations that have any. */
  const severitiesOf = new Map<Citation, Problem['severity'][]>();

  const lawRefs = new Map<string, LawRef>();
  const lawRefsByInfo = new Map<LawInfo, Map<string, LawRef>>();
  /** The law asked last and its reference (consecutive citations mostly cite the same law; laws are never changed). */
  let refLaw: ResolvedLaw | undefined;
  let lastRef: LawRef | undefined;
  const lawRef = (law: ResolvedLaw): LawRef => {
    if (law === refLaw && lastRef !== undefined) return lastRef;
    let ref: LawRef | undefined;
    if (law.info) {
      // Keyed by the law's registry entry: no key string for the common case.
      let byInfo = lawRefsByInfo.get(law.info);
      if (!byInfo) {
        byInfo = new Map();
        lawRefsByInfo.set(law.info, byInfo);
      }
      const key = law.title === law.info.title && law.sfs === law.info.sfs ? (law.abbreviation ?? '') : `\u0000${law.sfs}|${law.title}|${law.abbreviation ?? ''}`;
      ref = byInfo.get(key);
      if (!ref) {
        ref = lawRefUncached(law);
        byInfo.set(key, ref);
      }
    } else {
      const key = `${law.sfs}|${law.title}|${law.abbreviation ?? ''}`;
      ref = lawRefs.get(key);
      if (!ref) {
        ref = lawRefUncached(law);
        lawRefs.set(key, ref);
      }
    }
    // Shared between the citations of this call (read-only; the JSON output is the same as copies).
    refLaw = law;
    lastRef = ref;
    return ref;
  };
  /** Each law reference's place in the link cache (references are made once per law and call). */
  const lawLinksByRef = new Map<LawRef, LawLinks | null>();
  const linksOf = (law: ResolvedLaw, ref: LawRef, targets: Target[] | undefined): Link[] => {
    let ll = lawLinksByRef.get(ref);
    if (ll === undefined) {
      ll = lawLinks(law.sfs, ref.title, (law.info ?? registry.get(law.sfs))?.chaptered);
      lawLinksByRef.set(ref, ll);
    }
    return ll ? statuteLinksOf(ll, targets) : [];
  };
  const lawRefUncached = (law: ResolvedLaw): LawRef => {
    const info = law.info ?? registry.get(law.sfs);
    const ref: LawRef = { sfs: law.sfs, title: info?.title ?? law.title, status: info?.status ?? 'in-force' };
    const abbr = law.abbreviation ?? info?.abbreviation;
    if (abbr) ref.abbreviation = abbr;
    if (info) {
      const rep = registry.repealDate(info);
      if (info.status === 'repealed' && rep) ref.repealedOn = rep;
      if (info.replacedBy) ref.replacedBy = info.replacedBy;
    }
    return ref;
  };

  /** Laws named so far by name or number ("kommunallagen (2017:725)"): they settle what an abbreviation of theirs means. */
  const namedSfs = new Set<string>();
  /**
   * An abbreviation that may mean other laws, not yet reported: reported once, and not when the document
   * defines it or has named the law it is read as.
   */
  const newAmbiguity = (mention: Mention | undefined): boolean =>
    Boolean(mention?.alsoMeans?.length) && !state.abbrs.has(mention?.abbr ?? '') && !state.ambiguityReported.has(mention?.abbr ?? '') && !namedSfs.has(mention?.law?.sfs ?? '');
  /** Laws cited explicitly by SFS number so far, and laws already given the undated-document note. */
  const explicitSfs = new Set<string>();
  const undatedNoted = new Set<string>();
  const predecessorToNote = new Map<string, { law: LawInfo; until: string } | null>();
  /** The earliest end of a predecessor that the undated-document note mentions (see undatedReading). */
  const noteSince = options.implied?.since ?? `${Number(date.slice(0, 4)) - UNDATED_NOTE_YEARS}${date.slice(4)}`;
  /** What an undated document's date was taken from, for the messages. */
  const dateBasis = options.implied?.basis ?? 'dagens datum';
  /**
   * In a document without a date, a law read from its name or abbreviation is the one in force today;
   * where the name meant an older law until recently, say so once per law (the reader may know the
   * document is older). Not for a law cited by number, one the document binds, a coming law ("den nya
   * …", not yet in force at the date), or an older law replaced more than UNDATED_NOTE_YEARS ago.
   */
  const undatedReading = (law: ResolvedLaw | undefined, mention: Mention | undefined): { law: LawInfo; until: string } | undefined => {
    if (options.dateKnown || !law?.info || !mention || mention.kind === 'sfs' || undatedNoted.has(law.sfs) || explicitSfs.has(law.sfs)) return undefined;
    if (mention.kind === 'abbr' && state.abbrs.has(mention.abbr ?? '')) return undefined;
    // (the registry's part once per law and call: on an undated page every citation asks)
    let earlier = predecessorToNote.get(law.sfs);
    if (earlier === undefined) {
      let latest: { law: LawInfo; until: string } | undefined;
      for (const p of registry.predecessors(law.sfs)) if (p.until && (!latest || p.until > latest.until)) latest = { law: p.law, until: p.until };
      earlier = latest && latest.until <= date && latest.until >= noteSince ? latest : null;
      predecessorToNote.set(law.sfs, earlier);
    }
    return earlier ?? undefined;
  };
  /** The law that replaced `law`, and so on to the newest ("i den nya lagen" after the old one). */
  const newestOf = (law: ResolvedLaw | undefined): ResolvedLaw | undefined => {
    let info = law ? registry.get(law.sfs) : undefined;
    if (!info?.replacedBy) return law;
    for (let guard = 0; guard < 5 && info.replacedBy; guard++) {
      const next = registry.get(info.replacedBy);
      if (!next) break;
      info = next;
    }
    return toResolved(info);
  };
  /** The law `law` replaced last ("i den upphävda lagen" after the new one), or `law` when it is repealed by the date. */
  const formerOf = (law: ResolvedLaw | undefined): ResolvedLaw | undefined => {
    const info = law ? registry.get(law.sfs) : undefined;
    if (!info || registry.repealedBy(info, date)) return law;
    const previous = latestPredecessor(registry, info.sfs);
    return previous ? toResolved(previous) : undefined;
  };
  /** The paragraph and span of the citation statuteProblems is asked about (for reportsRepeal). */
  let spanText = '';
  let spanS = 0;
  let spanE = 0;
  /** The citation's law comes from the paragraph's context, where it was named as the former law. */
  let formerContext = false;
  /** Is p[s, e) a law repealed by the date, named there as the former law ("2001 års socialtjänstlag")? */
  const namedAsFormer = (law: ResolvedLaw, p: string, s: number, e: number): boolean =>
    law.info !== undefined && registry.repealedBy(law.info, date) && reportsRepeal(p, s, e);
  const statuteProblems = (law: ResolvedLaw | undefined, targets: Target[] | undefined, group?: ProvisionGroup, mention?: Mention): StatuteProblems => {
    // The common case: a known law in force, sections that exist, no group or mention problems (no arrays made).
    if (!group?.missingChapter && !((group?.unknownAbbr || group?.unknownLawName) && !law) && !(law && newAmbiguity(mention)) && (options.dateKnown || !undatedReading(law, mention))) {
      if (!law) return NO_PROBLEMS;
      const info = law.info ?? registry.get(law.sfs);
      if (!info) return NO_PROBLEMS;
      if (info.status === 'repealed') return statuteProblemsFull(law, targets, group, mention);
      if (targets) {
        for (const t of targets) {
          if (t.section !== undefined && t.chapter === undefined && info.chaptered) return statuteProblemsFull(law, targets, group, mention);
          if (!t.section) {
            if (t.chapter && registry.chapterStatus(law.sfs, t.chapter) === 'missing') return statuteProblemsFull(law, targets, group, mention);
            continue;
          }
          if (registry.sectionStatus(law.sfs, t.chapter, t.section) === 'missing') return statuteProblemsFull(law, targets, group, mention);
          if (t.sectionTo && registry.sectionStatus(law.sfs, t.chapter, t.sectionTo) === 'missing') return statuteProblemsFull(law, targets, group, mention);
        }
      }
      return NO_PROBLEMS;
    }
    return statuteProblemsFull(law, targets, group, mention);
  };
  const statuteProblemsFull = (law: ResolvedLaw | undefined, targets: Target[] | undefined, group?: ProvisionGroup, mention?: Mention): StatuteProblems => {
    const problems: { code: string; message: string }[] = [];
    const severities: Problem['severity'][] = [];
    // "kap. 7 §", or a section of a law with chapters cited without one ("1 § SoL")
    const info = law ? (law.info ?? registry.get(law.sfs)) : undefined;
    if (group?.missingChapter || (info?.chaptered && targets?.some((x) => x.section !== undefined && x.chapter === undefined))) {
      const t = targets?.find((x) => !x.chapter && x.section);
      problems.push({
        code: 'missing-chapter',
        message: `Kapitelnummer saknas${t ? ` i hänvisningen till ${t.section} §` : ''}: skriv ut vilket kapitel som avses (t.ex. "3 kap. ${t?.section ?? '7'} §").`,
      });
      severities.push('warning');
    }
    if (group?.unknownAbbr && !law) {
      problems.push({ code: 'unknown-abbreviation', message: `Förkortningen "${group.unknownAbbr}" är okänd. Skriv ut lagens namn och SFS-nummer.` });
      severities.push('warning');
    }
    if (group?.unknownLawName && !law) {
      // (information: the law may well exist, the tool cannot look it up)
      problems.push({ code: 'unknown-law', message: `Lagen "${group.unknownLawName}" finns inte i Remisskollens lagdata. Skriv ut lagens SFS-nummer första gången den nämns.` });
      severities.push('info');
    }
    if (law) {
      if (info) {
        // (where only the successor's issue date is known, the repeal is certain a year after it: registry.repealedBy)
        const rep = registry.repealDate(info);
        const notBefore = rep ? undefined : registry.repealedNotBefore(info);
        if ((rep || notBefore) && registry.repealedBy(info, date) && !formerContext && !reportsRepeal(spanText, spanS, spanE)) {
          const succ = info.replacedBy ? registry.get(info.replacedBy) : undefined;
          const by = succ ? lawDisplay(succ, registry) : info.replacedBy ? `SFS ${info.replacedBy}` : undefined;
          // (notBefore: the successor's issue date, so there is one)
          const what = rep ? `upphävdes ${rep}${by ? ` och har ersatts av ${by}` : ''}` : `har upphävts och ersatts av ${by}, utfärdad ${notBefore}`;
          problems.push({
            code: 'repealed-law',
            message: `${lawDisplay(law, registry).replace(/^./, (c) => c.toUpperCase())} ${what}.${options.dateKnown ? '' : ` Dokumentet saknar datum; bedömningen utgår från ${dateBasis}.`}`,
          });
          severities.push(options.dateKnown ? 'error' : 'info');
        }
        for (const t of targets ?? []) {
          if (!t.section) {
            if (t.chapter && registry.chapterStatus(law.sfs, t.chapter) === 'missing') {
              problems.push({ code: 'unknown-section', message: `${t.chapter} kap. finns inte i ${lawDisplay(law, registry)} enligt Remisskollens lagdata.` });
              severities.push('warning');
            }
            continue;
          }
          for (let k = 0; k < 2; k++) {
            const sec = k === 0 ? t.section : t.sectionTo;
            if (!sec) continue;
            if (registry.sectionStatus(law.sfs, t.chapter, sec) === 'missing') {
              problems.push({
                code: 'unknown-section',
                message: `${describeTarget({ ...(t.chapter ? { chapter: t.chapter } : {}), section: sec })} finns inte i ${lawDisplay(law, registry)} enligt Remisskollens lagdata.`,
              });
              severities.push('warning');
            }
          }
        }
      }
      const earlier = undatedReading(law, mention);
      if (earlier) {
        undatedNoted.add(law.sfs);
        problems.push({
          code: 'undated-law',
          message: `Dokumentet saknar datum, så lagen läses ${options.implied ? `efter ${dateBasis} som ${lawDisplay(law, registry)}` : `som ${lawDisplay(law, registry)}, som gäller i dag`}. Före ${earlier.until} avsågs ${lawDisplay(earlier.law, registry)}; ange dokumentets datum om det är äldre.`,
        });
        severities.push('info');
      }
      if (mention?.alsoMeans && newAmbiguity(mention)) {
        state.ambiguityReported.add(mention.abbr ?? '');
        problems.push({
          code: 'ambiguous-law',
          message: `Förkortningen ${mention.abbr} kan också betyda ${mention.alsoMeans.map((l) => lawDisplay(l, registry)).join(' eller ')}; tolkad som ${lawDisplay(law, registry)}. Skriv ut lagens namn första gången.`,
        });
        severities.push('info');
      }
    }
    return problems.length ? { problems, severities } : NO_PROBLEMS;
  };

  /** A statute citation made, with its problems (their severities kept aside). */
  const keep = (c: Citation, found: StatuteProblems): void => {
    if (found.problems.length) {
      c.problems = found.problems;
      severitiesOf.set(c, found.severities);
    }
    citations.push(c);
  };

  // Statutes, paragraph by paragraph.
  /** Statute citations without a law but with targets, in the order made (for agency regulations). */
  const lawless: Citation[] = [];
  /** The chapter of the last provision cited with a law and a chapter, and that law ("5 § i samma kapitel"). */
  let lastChapter: string | undefined;
  let lastChapterSfs: string | undefined;
  /** The last provision cited with a law and a section, and that law ("tredje stycket samma paragraf"). */
  let lastSection: Target | undefined;
  let lastSectionSfs: string | undefined;
  /** The förordning named last ("4 § förordningen"). */
  let lastOrdinance: ResolvedLaw | undefined;
  const mentionContext: MentionContext = { registry, date, state, nameHits: findNameHits(nt, registry), abbrHits: findAbbreviationHits(nt, registry), from: 0 };
  /**
   * The next PROVISION_CUE in nt at or after the current paragraph's start (paragraphs come in order: one scan
   * of the whole text, read again only past a paragraph's start; no cue holds a line break).
   */
  let cueStart = -1;
  let cueEnd = -1;
  const provisionCueIn = (s: number, e: number): boolean => {
    if (cueStart < s) {
      PROVISION_CUE.lastIndex = s;
      const m = PROVISION_CUE.exec(nt);
      cueStart = m ? m.index : Infinity;
      cueEnd = m ? m.index + m[0].length : Infinity;
    }
    return cueEnd <= e;
  };
  let pStart = 0;
  while (pStart <= nt.length) {
    let pEnd = nt.indexOf('\n', pStart);
    // A blank line inside a citation (PDF and HTML debris): the paragraph goes on when
    // the line ends without a full stop and the next starts with a digit, "(", ")", "§" or a lower-case letter.
    let joined = false;
    while (pEnd >= 0 && pEnd > pStart && !LINE_ENDS_CLAUSE.test(nt.slice(Math.max(pStart, pEnd - 2), pEnd)) && LINE_GOES_ON.test(nt.slice(pEnd + 1, pEnd + 3))) {
      pEnd = nt.indexOf('\n', pEnd + 1);
      joined = true;
    }
    if (pEnd < 0) pEnd = nt.length;
    const p = joined ? nt.slice(pStart, pEnd).replace(/\n/g, ' ') : nt.slice(pStart, pEnd);
    if (p.length) {
      mentionContext.from = pStart;
      const mentions = findMentions(p, mentionContext);
      // (read from nt: a flat string reads faster than the slice p)
      const groups = provisionCueIn(pStart, pEnd) && GROUP_CUE.test(p) ? findProvisions(p, mentions, nt, pStart).groups : NO_GROUPS;
      const { events, isGroup, count } = mergeEvents(groups, mentions);
      let lastLaw: ResolvedLaw | undefined;
      let lastE = 0;
      /** lastLaw was named as the former law ("i 2001 års socialtjänstlag fanns … 12 kap. 2 §"). */
      let lastFormer = false;
      for (let k = 0; k < count; k++) {
        if (!isGroup[k]) {
          const m = events[k] as Mention;
          if (!m.law) continue;
          if (m.kind === 'sfs') explicitSfs.add(m.law.sfs);
          if (m.kind !== 'abbr') namedSfs.add(m.law.sfs);
          if (m.standalone) {
            formerContext = false;
            spanText = p;
            spanS = m.s;
            spanE = m.e;
            const found = statuteProblems(m.law, undefined, undefined, m);
            const ref = lawRef(m.law);
            keep(statuteCitation(pStart + m.s, pStart + m.e, undefined, ref, linksOf(m.law, ref, undefined)), found);
          }
          lastLaw = m.law;
          lastE = m.e;
          lastFormer = namedAsFormer(m.law, p, m.s, m.e);
          state.last = m.law;
          if (isOrdinance(m.law)) lastOrdinance = m.law;
          continue;
        }
        const g = events[k] as ProvisionGroup;
        if (g.mention?.kind === 'sfs' && g.mention.law) explicitSfs.add(g.mention.law.sfs);
        if (g.mention?.law && g.mention.kind !== 'abbr') namedSfs.add(g.mention.law.sfs);
        let law = g.law;
        if (g.relative) law = undefined;
        else if (!law && g.backRef) law = g.ordinance ? lastOrdinance : g.newer ? newestOf(state.last) : g.former ? formerOf(state.last) : state.last;
        formerContext = false;
        // (not a provision followed by an abbreviation the registry does not know: "11 kap. 1 § LKBR")
        if (!law && !g.relative && !g.backRef && !g.unknownLaw && !g.unknownAbbr && lastLaw && g.s - lastE <= CONTEXT_WINDOW) {
          law = lastLaw;
          formerContext = lastFormer;
        }
        let targets = g.targets;
        if (g.sameSection) {
          law ??= state.last;
          const at = lastSection;
          // (the section's chapter and section first, then the stycke and point, as in every other target)
          if (law && at !== undefined && law.sfs === lastSectionSfs) targets = targets.map((t) => ({ ...(at.chapter !== undefined ? { chapter: at.chapter } : {}), section: at.section, ...t }));
          else law = undefined;
        } else if (g.sameChapter) {
          law ??= state.last;
          // (new target objects: the chapter first, as in every other target)
          const chapter = lastChapter;
          if (law && chapter !== undefined && law.sfs === lastChapterSfs) targets = targets.map((t) => ({ chapter, ...t }));
        } else if (law && targets.length) {
          const last = targets[targets.length - 1];
          if (last.chapter !== undefined) {
            lastChapter = last.chapter;
            lastChapterSfs = law.sfs;
          }
          if (last.section !== undefined) {
            lastSection = last;
            lastSectionSfs = law.sfs;
          }
        }
        spanText = p;
        spanS = g.s;
        spanE = g.e;
        const found = statuteProblems(law, targets, g, g.mention);
        let c: Citation;
        if (law) {
          // (every key made at once, in the output's key order: make.ts)
          const ref = lawRef(law);
          c = statuteCitation(pStart + g.s, pStart + g.e, targets, ref, linksOf(law, ref, targets));
          if (law !== lastLaw) lastFormer = namedAsFormer(law, p, g.s, g.e);
          lastLaw = law;
          lastE = g.e;
          state.last = law;
          if (isOrdinance(law)) lastOrdinance = law;
        } else c = statuteCitation(pStart + g.s, pStart + g.e, targets, undefined, undefined);
        keep(c, found);
        if (!law && targets.length) lawless.push(c);
      }
    }
    pStart = pEnd + 1;
  }

  // Other kinds.
  const regulations = findRegulations(nt);
  for (const found of [findPreparatory(nt), findCaseLaw(nt), findEu(nt, registry.eu)]) {
    for (const c of found) citations.push(c);
  }
  // Provisions of an agency regulation ("2 kap. 3 § Vägverkets föreskrifter VVFS 1996:200",
  // "4 kap. 2 § SOSFS 2014:5"): one regulation citation with the provisions as targets,
  // instead of a statute without a law next to it.
  if (regulations.length) {
    lawless.sort((a, b) => a.end - b.end);
    const merged = new Set<Citation>();
    let li = 0;
    for (const r of regulations) {
      while (li < lawless.length && lawless[li].end < r.start - 120) li += 1;
      let owner: Citation | undefined;
      for (let k = li; k < lawless.length && lawless[k].end <= r.start; k++) {
        if (REGULATION_GAP.test(nt.slice(lawless[k].end, r.start))) owner = lawless[k];
      }
      if (owner && !merged.has(owner)) {
        merged.add(owner);
        // (with the parenthesis closed that the gap opened: "4 kap. 2 § i Socialstyrelsens föreskrifter (SOSFS 2014:5)")
        const closes = nt.charCodeAt(r.end) === 41 && nt.lastIndexOf('(', r.start) >= owner.end;
        citations.push(regulationCitation(owner.start, closes ? r.end + 1 : r.end, r.ref as string, owner.targets));
      } else citations.push(r);
    }
    if (merged.size) {
      // (compacted in place: push(...rest) throws on the hundred thousand citations of a long document)
      let w = 0;
      for (const x of citations) if (!merged.has(x)) citations[w++] = x;
      citations.length = w;
    }
  }

  // Map to original offsets.
  let n = 0;
  for (let k = 0; k < citations.length; k++) {
    const c = citations[k];
    if (!(c.end > c.start)) continue;
    const start = norm.map.toOriginal(c.start);
    c.end = norm.map.toOriginalEnd(c.end);
    c.start = start;
    // (stored only once an earlier one was dropped, here and in the passes below: by now the list may be in the
    // old generation, where each store of a young citation costs a write barrier and a remembered slot)
    if (n !== k) citations[n] = c;
    n += 1;
  }
  citations.length = n;
  for (const cn of findCaseNumbers(text)) {
    citations.push(citation(cn.start, cn.end, 'case-number', cn.ref, undefined));
  }

  // Overlaps: keep the higher-priority kind, then the longer span. (The citations kept that may be an act that
  // bare articles belong to are noted by index on the way: no pass of their own over every citation.)
  sortCitations(citations);
  const actAt: number[] = [];
  n = 0;
  for (let k = 0; k < citations.length; k++) {
    const x = citations[k];
    const prev = n > 0 ? citations[n - 1] : undefined;
    if (prev && x.start < prev.end) {
      const px = KIND_PRIORITY[x.kind];
      const pp = KIND_PRIORITY[prev.kind];
      const better = px < pp || (px === pp && x.end - x.start > prev.end - prev.start);
      if (better) {
        citations[n - 1] = x;
        if (actAt[actAt.length - 1] === n - 1) actAt.pop();
        if (mayBeAct(x)) actAt.push(n - 1);
      }
      continue;
    }
    if (mayBeAct(x)) actAt.push(n);
    if (n !== k) citations[n] = x;
    n += 1;
  }
  citations.length = n;

  // Bare articles after an EU act or a convention ("Enligt artikel 23 har …"): in order, between the citations.
  const out = withBareArticles(text, citations, actAt, registry);

  const problems: Problem[] = [];
  n = 0;
  for (let k = 0; k < out.length; k++) {
    const citation = out[k];
    if (citation.start >= citation.end || citation.end > text.length) continue;
    citation.text = text.slice(citation.start, citation.end);
    if (n !== k) out[n] = citation;
    n += 1;
    const cps = citation.problems;
    if (cps) {
      const severities = severitiesOf.get(citation) ?? NO_SEVERITIES;
      for (let i = 0; i < cps.length; i++) {
        const pr = cps[i];
        problems.push({ code: pr.code, severity: severities[i] ?? 'warning', message: pr.message, start: citation.start, end: citation.end });
      }
    }
  }
  out.length = n;
  return { citations: out, problems };
}
