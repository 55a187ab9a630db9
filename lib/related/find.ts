/**
 * Which stored documents belong to the same case as this one, and why.
 *
 * Reasons, strongest first:
 *  1. the same diarienummer (the document's own, or one it refers to);
 *  2. the same motion: the title matched despite OCR damage and small wording
 *     changes, and the authors agreeing when both documents name them;
 *  3. near-identical text (another nämnd's answer to the same remiss), from the
 *     MinHash fingerprints;
 *  4. weaker: the same rare legal provision (cited by few stored documents).
 *
 * `CaseIndex` keeps inverted indexes (diarienummer, title-word keys, LSH bands,
 * provisions), so a lookup compares only with the documents that share a key;
 * `findRelatedNaive` compares with every record and exists to check and
 * measure the index. Both score with the same function and agree.
 */
import { bandKeys, decodeSignature, MINHASH_SCHEME, similarity } from './minhash';
import { dnrKey } from './record';
import type { CaseRecord } from './schema';
import { diacriticCount, matchTitles, namesMatch, titleTokens, tokenKeys } from './title';

export type ReasonCode = 'case-number' | 'motion' | 'title' | 'text' | 'law';

export interface RelatedReason {
  code: ReasonCode;
  /** Swedish, for the user: "Samma diarienummer: KS 2023/105". */
  label: string;
  /** Strength, 0..100. */
  score: number;
}

export interface RelatedDocument {
  record: CaseRecord;
  /** Strongest first. */
  reasons: RelatedReason[];
  score: number;
}

export interface FindOptions {
  /** At most this many results (default 20). */
  limit?: number;
  /** Near-identical text from this estimated similarity on (default 0.5). */
  textThreshold?: number;
}

/** Everything the comparison needs about one record, computed once. */
export interface Prepared {
  record: CaseRecord;
  ownDnr: Map<string, string>;
  refDnr: Map<string, string>;
  /** Motion titles (the motion this document is or answers). */
  motionTitles: { text: string; tokens: string[] }[];
  /** The document's own title. */
  ownTitle: { text: string; tokens: string[] } | null;
  sig: Uint32Array | null;
  /** provision key → label, "2001:453|3 kap. 3 a §" → "3 kap. 3 a § SoL". */
  provisions: Map<string, string>;
  /** The fewest significant words any of its titles has (Infinity without titles). */
  minTitleTokens: number;
}

export function prepare(record: CaseRecord): Prepared {
  const dnrMap = (list: string[]) => new Map(list.map((d) => [dnrKey(d), d] as const));
  const titleOf = (text: string | null | undefined) => {
    if (!text) return null;
    const tokens = titleTokens(text);
    return tokens.length > 0 ? { text, tokens } : null;
  };
  const motionTitles: Prepared['motionTitles'] = [];
  const mt = titleOf(record.motion?.title);
  if (mt) motionTitles.push(mt);
  const ownTitle = titleOf(record.title);
  if (record.kind === 'motion' && ownTitle) motionTitles.push(ownTitle);
  const provisions = new Map<string, string>();
  for (const law of record.laws) {
    if (!law.provision) continue;
    provisions.set(`${law.sfs}|${law.provision}`, `${law.provision} ${law.name}`);
  }
  return {
    record,
    ownDnr: dnrMap(record.caseNumbers),
    refDnr: dnrMap(record.refCaseNumbers),
    motionTitles,
    ownTitle,
    sig: record.fingerprint.scheme === MINHASH_SCHEME ? decodeSignature(record.fingerprint.sig) : null,
    provisions,
    minTitleTokens: Math.min(...[...motionTitles, ...(ownTitle ? [ownTitle] : [])].map((t) => t.tokens.length)),
  };
}

function authorsLabel(authors: { name: string; party: string }[]): string {
  return authors.map((a) => (a.party ? `${a.name} (${a.party})` : a.name)).join(', ');
}

/** The nicer of two spellings of a title: the one OCR left more å, ä, ö in. */
function nicer(a: string, b: string): string {
  return diacriticCount(b) > diacriticCount(a) ? b : a;
}

export interface ScoreContext {
  textThreshold: number;
  /** How many stored records cite a provision; rare = at most `rareMax`. */
  provisionCount: (key: string) => number;
  rareMax: number;
}

/** The reasons `b` is related to `a`, strongest first; empty when it is not. */
export function reasonsFor(a: Prepared, b: Prepared, ctx: ScoreContext): RelatedReason[] {
  const reasons: RelatedReason[] = [];

  // 1. Diarienummer
  let dnr: { label: string; score: number } | null = null;
  for (const [k, written] of a.ownDnr) {
    if (b.ownDnr.has(k)) dnr = { label: written, score: 100 };
    else if (b.refDnr.has(k) && !dnr) dnr = { label: written, score: 95 };
    if (dnr?.score === 100) break;
  }
  if (!dnr) {
    for (const [k, written] of a.refDnr) {
      if (b.ownDnr.has(k)) {
        dnr = { label: written, score: 95 };
        break;
      }
      if (b.refDnr.has(k) && !dnr) dnr = { label: written, score: 90 };
    }
  }
  if (dnr) reasons.push({ code: 'case-number', label: `Samma diarienummer: ${dnr.label}`, score: dnr.score });

  // 2. The same motion (or, without motion facts on either side, the same title)
  const motion = sameMotion(a, b);
  if (motion) reasons.push(motion);

  // 3. Near-identical text
  if (a.sig && b.sig) {
    const sim = similarity(a.sig, b.sig);
    if (sim >= ctx.textThreshold) {
      reasons.push({ code: 'text', label: `Nästan samma text (${Math.round(sim * 100)} %)`, score: 40 + 40 * sim });
    }
  }

  // 4. Rare provisions. Alone, a single shared provision is too weak unless almost no one else cites it.
  const rare: string[] = [];
  let rarest = Infinity;
  for (const [k, label] of a.provisions) {
    if (!b.provisions.has(k)) continue;
    const count = ctx.provisionCount(k);
    if (count > ctx.rareMax) continue;
    rare.push(label);
    rarest = Math.min(rarest, count);
  }
  if (rare.length > 0 && (reasons.length > 0 || rare.length >= 2 || rarest <= 2)) {
    reasons.push({
      code: 'law',
      label: `Samma ovanliga lagrum: ${rare.slice(0, 3).join(', ')}`,
      score: Math.min(35, 20 + 5 * (rare.length - 1)),
    });
  }
  return reasons.sort((x, y) => y.score - x.score);
}

function sameMotion(a: Prepared, b: Prepared): RelatedReason | null {
  const authorsA = a.record.motion?.authors ?? [];
  const authorsB = b.record.motion?.authors ?? [];
  const shared = authorsA.filter((x) => authorsB.some((y) => namesMatch(x.name, y.name)));
  // Two motions of the same title by different people are different motions.
  if (authorsA.length > 0 && authorsB.length > 0 && shared.length === 0) return null;

  let best: { score: number; text: string } | null = null;
  const consider = (x: { text: string; tokens: string[] }, y: { text: string; tokens: string[] }) => {
    const m = matchTitles(x.tokens, y.tokens);
    if (m && (!best || m.score > best.score)) best = { score: m.score, text: nicer(x.text, y.text) };
  };
  const titlesB = [...b.motionTitles, ...(b.ownTitle ? [b.ownTitle] : [])];
  for (const x of a.motionTitles) for (const y of titlesB) consider(x, y);
  if (a.ownTitle) for (const y of b.motionTitles) consider(a.ownTitle, y);
  const found = best as { score: number; text: string } | null;
  if (found) {
    const authors = shared.length > 0 ? ` (${authorsLabel(shared)})` : '';
    return {
      code: 'motion',
      label: `Samma motion: '${cleanTitle(found.text)}'${authors}`,
      score: 80 + (shared.length > 0 ? 5 : 0) + 5 * found.score,
    };
  }
  if (a.motionTitles.length === 0 && b.motionTitles.length === 0 && a.ownTitle && b.ownTitle) {
    const m = matchTitles(a.ownTitle.tokens, b.ownTitle.tokens);
    if (m && m.dice >= 0.8) {
      return {
        code: 'title',
        label: `Samma ärende: '${cleanTitle(nicer(a.ownTitle.text, b.ownTitle.text))}'`,
        score: 65 + 5 * m.score,
      };
    }
  }
  return null;
}

function cleanTitle(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}

function rank(list: RelatedDocument[], limit: number): RelatedDocument[] {
  return list
    .sort(
      (x, y) =>
        y.score - x.score ||
        (y.record.date ?? '').localeCompare(x.record.date ?? '') ||
        x.record.id.localeCompare(y.record.id),
    )
    .slice(0, limit);
}

/** The total: the strongest reason, plus a little for each further one. */
function total(reasons: RelatedReason[]): number {
  return reasons.reduce((sum, r, i) => sum + (i === 0 ? r.score : r.score * 0.1), 0);
}

/**
 * Rare = cited by at most this many other stored documents: 2 in a small
 * history, growing with it (0.5 %) up to 5 — about the documents of one case.
 */
export function rareMaxFor(size: number): number {
  return Math.min(5, Math.max(2, Math.ceil(size * 0.005)));
}

/**
 * The plain way: compare with every stored record. Records are prepared once
 * (as the index does), so the benchmark measures the comparisons, not the
 * decoding. For tests and the benchmark.
 */
export class NaiveScan {
  private readonly prepared: Prepared[];
  private readonly counts = new Map<string, number>();

  constructor(records: Iterable<CaseRecord>) {
    this.prepared = [...records].map(prepare);
    for (const p of this.prepared) for (const k of p.provisions.keys()) this.counts.set(k, (this.counts.get(k) ?? 0) + 1);
  }

  findRelated(record: CaseRecord, options: FindOptions = {}): RelatedDocument[] {
    const a = prepare(record);
    const stored = this.prepared.find((p) => p.record.id === record.id);
    const ctx: ScoreContext = {
      textThreshold: options.textThreshold ?? 0.5,
      provisionCount: (k) => (this.counts.get(k) ?? 0) - (stored?.provisions.has(k) ? 1 : 0),
      rareMax: rareMaxFor(this.prepared.length - (stored ? 1 : 0)),
    };
    const out: RelatedDocument[] = [];
    for (const b of this.prepared) {
      if (b.record.id === record.id) continue;
      const reasons = reasonsFor(a, b, ctx);
      if (reasons.length > 0) out.push({ record: b.record, reasons, score: total(reasons) });
    }
    return rank(out, options.limit ?? 20);
  }
}

/** Compare with every record in `records` (see NaiveScan). */
export function findRelatedNaive(record: CaseRecord, records: CaseRecord[], options: FindOptions = {}): RelatedDocument[] {
  return new NaiveScan(records).findRelated(record, options);
}

function addTo(map: Map<string, Set<string>>, key: string, id: string): void {
  let set = map.get(key);
  if (!set) map.set(key, (set = new Set()));
  set.add(id);
}

function removeFrom(map: Map<string, Set<string>>, key: string, id: string): void {
  const set = map.get(key);
  if (!set) return;
  set.delete(id);
  if (set.size === 0) map.delete(key);
}

/** An in-memory index over the stored records. */
export class CaseIndex {
  private readonly byId = new Map<string, Prepared>();
  private readonly dnr = new Map<string, Set<string>>();
  private readonly titles = new Map<string, Set<string>>();
  private readonly bands = new Map<string, Set<string>>();
  private readonly provisions = new Map<string, Set<string>>();

  constructor(records: Iterable<CaseRecord> = []) {
    for (const r of records) this.put(r);
  }

  get size(): number {
    return this.byId.size;
  }

  get(id: string): CaseRecord | undefined {
    return this.byId.get(id)?.record;
  }

  records(): CaseRecord[] {
    return [...this.byId.values()].map((p) => p.record);
  }

  private keysOf(p: Prepared) {
    const tokens = [...new Set([...p.motionTitles, ...(p.ownTitle ? [p.ownTitle] : [])].flatMap((t) => t.tokens))];
    return {
      dnr: [...p.ownDnr.keys(), ...p.refDnr.keys()],
      tokens,
      titles: [...new Set(tokens.flatMap(tokenKeys))],
      bands: p.sig ? bandKeys(p.sig) : [],
      provisions: [...p.provisions.keys()],
    };
  }

  put(record: CaseRecord): void {
    this.delete(record.id);
    const p = prepare(record);
    this.byId.set(record.id, p);
    const k = this.keysOf(p);
    for (const key of k.dnr) addTo(this.dnr, key, record.id);
    for (const key of k.titles) addTo(this.titles, key, record.id);
    for (const key of k.bands) addTo(this.bands, key, record.id);
    for (const key of k.provisions) addTo(this.provisions, key, record.id);
  }

  delete(id: string): void {
    const p = this.byId.get(id);
    if (!p) return;
    const k = this.keysOf(p);
    for (const key of k.dnr) removeFrom(this.dnr, key, id);
    for (const key of k.titles) removeFrom(this.titles, key, id);
    for (const key of k.bands) removeFrom(this.bands, key, id);
    for (const key of k.provisions) removeFrom(this.provisions, key, id);
    this.byId.delete(id);
  }

  clear(): void {
    for (const m of [this.byId, this.dnr, this.titles, this.bands, this.provisions]) m.clear();
  }

  /** The related stored documents of `record` (which itself need not be stored), ranked. */
  findRelated(record: CaseRecord, options: FindOptions = {}): RelatedDocument[] {
    const a = prepare(record);
    const k = this.keysOf(a);
    const candidates = new Set<string>();
    const collect = (map: Map<string, Set<string>>, keys: string[]) => {
      for (const key of keys) for (const id of map.get(key) ?? []) candidates.add(id);
    };
    collect(this.dnr, k.dnr);
    collect(this.bands, k.bands);
    // Titles match only when at least 80 % of the shorter title's words do, and at least two
    // (see matchTitles): count, per stored record, the query's words it shares, and keep
    // those that share enough.
    const hits = new Map<string, number>();
    for (const token of k.tokens) {
      const ids = new Set<string>();
      for (const key of tokenKeys(token)) for (const id of this.titles.get(key) ?? []) ids.add(id);
      for (const id of ids) hits.set(id, (hits.get(id) ?? 0) + 1);
    }
    for (const [id, n] of hits) {
      if (n < 2 || candidates.has(id)) continue;
      const shorter = Math.min(a.minTitleTokens, this.byId.get(id)!.minTitleTokens);
      if (n >= Math.max(2, Math.ceil(0.8 * shorter - 1e-9))) candidates.add(id);
    }
    const self = this.byId.has(record.id) ? 1 : 0;
    const others = this.byId.size - self;
    const rareMax = rareMaxFor(others);
    const provisionCount = (key: string) => {
      const set = this.provisions.get(key);
      return set ? set.size - (set.has(record.id) ? 1 : 0) : 0;
    };
    // Only rare provisions can relate documents: only their (short) lists are worth reading.
    collect(
      this.provisions,
      k.provisions.filter((key) => provisionCount(key) <= rareMax),
    );
    candidates.delete(record.id);
    const ctx: ScoreContext = { textThreshold: options.textThreshold ?? 0.5, provisionCount, rareMax };
    const out: RelatedDocument[] = [];
    for (const id of candidates) {
      const b = this.byId.get(id)!;
      const reasons = reasonsFor(a, b, ctx);
      if (reasons.length > 0) out.push({ record: b.record, reasons, score: total(reasons) });
    }
    return rank(out, options.limit ?? 20);
  }
}

/** One-off lookup: builds an index over `records` and asks it. */
export function findRelated(record: CaseRecord, index: CaseIndex | CaseRecord[], options: FindOptions = {}): RelatedDocument[] {
  const idx = index instanceof CaseIndex ? index : new CaseIndex(index);
  return idx.findRelated(record, options);
}
