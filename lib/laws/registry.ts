/**
 * The law registry: which law a name, abbreviation or SFS number means at a
 * given date, what it is called, whether it is in force, and which sections it
 * has. A small synchronous core (lib/laws/data/core.json, bundled) plus two
 * lazily loaded parts: the titles of every SFS number (public/laws/sfs-index.json,
 * added with {@link LawRegistry.addTitleIndex}) and the section texts of the
 * bundled laws (public/laws/sfs-*.json, via a {@link LawDataLoader}).
 */
import { foldName, boundedEditDistance } from '../text/fold';
import { definiteForm, shortForm } from './names';
import {
  CoreDataSchema,
  LawTextsSchema,
  TitleIndexSchema,
  type CoreData,
  type CoreLaw,
  type EuAct,
  type LawTexts,
  type SectionText,
} from './schema';

export interface LawInfo {
  sfs: string;
  title: string;
  abbreviation?: string;
  names: string[];
  status: 'in-force' | 'repealed';
  issued?: string;
  inForceFrom?: string;
  repealedOn?: string;
  replacedBy?: string;
  /** From the core data: section numbers per chapter ("" = no chapters). */
  sections?: Map<string, Set<string>>;
  chaptered?: boolean;
  /** The data lacks some of the law's sections (see CoreLawSchema): a section it lacks is 'unknown', not 'missing'. */
  sectionsIncomplete?: boolean;
  textFile?: string;
  /** True when the law comes from the bundled core (not only the titles index). */
  core: boolean;
}

/** Reads one packaged law-data file (a name like "sfs-2001-453.json" or "sfs-index.json") as parsed JSON. */
export interface LawDataLoader {
  load(file: string): Promise<unknown>;
}

export type SectionStatus = 'exists' | 'missing' | 'unknown';

const MIN = '0000-00-00';
const MAX = '9999-99-99';

/** "3A" / "3 a" / "3a" → "3 a". */
export const normSection = (s: string): string => s.replace(/\s+/g, '').replace(/^(\d+)([a-zA-Z])$/, (_, n: string, l: string) => `${n} ${l.toLowerCase()}`);

export class LawRegistry {
  private readonly laws = new Map<string, LawInfo>();
  private readonly byName = new Map<string, string[]>();
  private readonly byAbbr = new Map<string, { primary: string[]; secondary: string[] }>();
  private readonly nameKeysByLength = new Map<number, string[]>();
  /** fuzzyName answers (cleared when a name form is added). */
  private readonly fuzzyCache = new Map<string, string | undefined>();
  private readonly texts = new Map<string, Promise<LawTexts | null>>();
  readonly eu: EuAct[];
  private hasIndex = false;

  constructor(core: CoreData) {
    this.eu = core.eu;
    for (const law of core.laws) this.addCoreLaw(law);
    for (const a of core.abbreviations) {
      const e = this.byAbbr.get(a.abbr) ?? { primary: [], secondary: [] };
      (a.secondary ? e.secondary : e.primary).push(a.sfs);
      this.byAbbr.set(a.abbr, e);
    }
  }

  /** Validates `data` (zod) and builds a registry. */
  static fromData(data: unknown): LawRegistry {
    return new LawRegistry(CoreDataSchema.parse(data));
  }

  private addCoreLaw(law: CoreLaw): void {
    const info: LawInfo = {
      sfs: law.sfs,
      title: law.title,
      abbreviation: law.abbreviations?.[0],
      names: law.names,
      status: law.status,
      issued: law.issued,
      inForceFrom: law.inForceFrom,
      repealedOn: law.repealedOn,
      replacedBy: law.replacedBy,
      chaptered: law.chaptered,
      sectionsIncomplete: law.sectionsIncomplete,
      textFile: law.textFile,
      core: true,
    };
    if (law.sections) {
      info.sections = new Map(Object.entries(law.sections).map(([k, v]) => [k, new Set(v.split(','))]));
    }
    if (law.replacedBy && law.replacedByTitle && !this.laws.has(law.replacedBy)) {
      this.laws.set(law.replacedBy, { sfs: law.replacedBy, title: law.replacedByTitle, names: [], status: 'in-force', core: false });
    }
    this.laws.set(law.sfs, info);
    for (const n of law.names) this.addName(n, law.sfs);
  }

  private addName(name: string, sfs: string): void {
    const key = foldName(name);
    const list = this.byName.get(key);
    if (list) {
      if (!list.includes(sfs)) list.push(sfs);
      return;
    }
    this.byName.set(key, [sfs]);
    this.fuzzyCache.clear();
    const byLen = this.nameKeysByLength.get(key.length) ?? [];
    byLen.push(key);
    this.nameKeysByLength.set(key.length, byLen);
  }

  /** True once the titles index (every SFS number) has been added. */
  get hasTitleIndex(): boolean {
    return this.hasIndex;
  }

  /**
   * Adds the titles of every SFS number (public/laws/sfs-index.json, validated)
   * and the name forms derived from them ("räntelagen", "lagen om …").
   * Core entries keep their curated data.
   */
  addTitleIndex(data: unknown): void {
    const index = TitleIndexSchema.parse(data);
    // Short names derived from "Lag om X till …" titles ("upphovsrättslagen"), kept only when
    // exactly one law gives that name and no law already has it.
    const shortNames = new Map<string, string[]>();
    for (const row of index.entries) {
      const short = shortForm(row[1]);
      if (short) shortNames.set(short, [...(shortNames.get(short) ?? []), row[0].replace(/^(\d{4}):0*(\d)/, '$1:$2')]);
    }
    for (const row of index.entries) {
      const [rawSfs, title, repealed, repealedOn, repealedBy, issued, inForceFrom] = row;
      const sfs = rawSfs.replace(/^(\d{4}):0*(\d)/, '$1:$2');
      const existing = this.laws.get(sfs);
      if (existing?.core) continue;
      const info: LawInfo = {
        sfs,
        title,
        names: [],
        status: repealed ? 'repealed' : 'in-force',
        ...(repealedOn ? { repealedOn } : {}),
        ...(repealedBy ? { replacedBy: repealedBy } : {}),
        ...(issued ? { issued } : {}),
        ...(inForceFrom ? { inForceFrom } : {}),
        core: false,
      };
      const name = definiteForm(title);
      if (name) {
        info.names.push(name);
        this.addName(name, sfs);
      }
      const short = shortForm(title);
      if (short && shortNames.get(short)?.length === 1 && !this.byName.has(foldName(short))) {
        info.names.push(short);
        this.addName(short, sfs);
      }
      this.laws.set(sfs, info);
    }
    this.hasIndex = true;
    this.predecessorEnd = undefined;
    this.replaced = undefined;
  }

  /** Loads and adds the titles index through `loader` (no-op when already added). */
  async loadTitleIndex(loader: LawDataLoader): Promise<void> {
    if (this.hasIndex) return;
    this.addTitleIndex(await loader.load('sfs-index.json'));
  }

  get(sfs: string): LawInfo | undefined {
    return this.laws.get(sfs);
  }

  /** Laws a folded name form means (any time). */
  lawsNamed(foldedName: string): string[] | undefined {
    return this.byName.get(foldedName);
  }

  /** Is this folded string a known name form? */
  isName(folded: string): boolean {
    return this.byName.has(folded);
  }

  /**
   * The known name form closest to an OCR-damaged folded word, when it is close
   * enough to be unambiguous (length ≥ 10; distance ≤ 1, or ≤ 2 from 16 letters).
   */
  fuzzyName(folded: string): string | undefined {
    if (folded.length < 10) return undefined;
    if (this.fuzzyCache.has(folded)) return this.fuzzyCache.get(folded);
    const found = this.fuzzyNameUncached(folded);
    if (this.fuzzyCache.size >= 20_000) this.fuzzyCache.clear();
    this.fuzzyCache.set(folded, found);
    return found;
  }

  private fuzzyNameUncached(folded: string): string | undefined {
    const max = folded.length >= 16 ? 2 : 1;
    let best: string | undefined;
    let bestD = max + 1;
    let tie = false;
    for (let len = folded.length - max; len <= folded.length + max; len++) {
      for (const key of this.nameKeysByLength.get(len) ?? []) {
        if (key[key.length - 1] !== folded[folded.length - 1]) continue;
        const d = boundedEditDistance(folded, key, max);
        if (d < bestD) {
          bestD = d;
          best = key;
          tie = false;
        } else if (d === bestD && key !== best) tie = true;
      }
    }
    return best && !tie ? best : undefined;
  }

  /** Every known abbreviation (exact case). */
  abbreviationKeys(): string[] {
    return [...this.byAbbr.keys()];
  }

  /** Number of name forms known (changes when the titles index is added). */
  get nameCount(): number {
    return this.byName.size;
  }

  /** Every known folded name form. */
  nameKeys(): IterableIterator<string> {
    return this.byName.keys();
  }

  /** Laws an abbreviation means (exact case), primary meanings first. */
  abbreviation(abbr: string): { primary: string[]; secondary: string[] } | undefined {
    return this.byAbbr.get(abbr);
  }

  /** The date a law took effect, as far as the data knows. */
  private from(law: LawInfo): string {
    return this.knownStart(law) ?? law.issued ?? MIN;
  }
  /** When the law came into force, where that is known: its own date, else the end of a law it replaced. */
  private knownStart(law: LawInfo): string | undefined {
    if (law.inForceFrom) return law.inForceFrom;
    if (!this.predecessorEnd) {
      this.predecessorEnd = new Map();
      for (const other of this.laws.values()) {
        if (other.replacedBy && other.repealedOn) this.predecessorEnd.set(other.replacedBy, other.repealedOn);
      }
    }
    return this.predecessorEnd.get(law.sfs);
  }
  private predecessorEnd: Map<string, string> | undefined;

  private to(law: LawInfo): string {
    if (law.repealedOn) return law.repealedOn;
    if (law.status === 'repealed') {
      const succ = law.replacedBy ? this.laws.get(law.replacedBy) : undefined;
      return succ ? this.from(succ) : MIN;
    }
    return MAX;
  }

  /**
   * Did the law exist (was it issued) by `date`? Its issue date, else the first day of its SFS year
   * (a law numbered 2018:1197 cannot be older than 2018).
   */
  existedAt(law: LawInfo, date: string): boolean {
    return (law.issued ?? `${law.sfs.slice(0, 4)}-01-01`) <= date;
  }

  /** Did the law apply at `date`: issued, in force from (where known) and not repealed by then? */
  inForceAt(law: LawInfo, date: string): boolean {
    return this.existedAt(law, date) && (law.inForceFrom ?? '') <= date && !this.repealedBy(law, date);
  }

  /** The laws this one replaced (those whose `replacedBy` it is), with the date each stopped applying. */
  predecessors(sfs: string): { law: LawInfo; until: string | undefined }[] {
    if (!this.replaced) {
      this.replaced = new Map();
      for (const other of this.laws.values()) {
        if (!other.replacedBy) continue;
        const list = this.replaced.get(other.replacedBy);
        if (list) list.push(other);
        else this.replaced.set(other.replacedBy, [other]);
      }
    }
    return (this.replaced.get(sfs) ?? []).map((law) => ({ law, until: this.repealDate(law) }));
  }
  private replaced: Map<string, LawInfo[]> | undefined;

  /**
   * Was the law repealed by `date` (repealed, at a date on or before it, or at an unknown date)? Where
   * only its successor's issue date is known, a year after that: most laws come into force within a
   * year of their issue (in the SFS index: half within 39 days, 95 % within 269 days), and a law that
   * may still have applied is no error to cite.
   */
  repealedBy(law: LawInfo, date: string): boolean {
    if (law.status !== 'repealed') return false;
    const known = this.repealDate(law);
    if (known) return known <= date;
    const notBefore = this.repealedNotBefore(law);
    return notBefore ? `${Number(notBefore.slice(0, 4)) + 1}${notBefore.slice(4)}` <= date : true;
  }

  /**
   * When was this law repealed, where that is known: its own date, else its successor's entry into force
   * (not its issue date: a law stays in force until its successor comes into force, often months later).
   */
  repealDate(law: LawInfo): string | undefined {
    if (law.repealedOn) return law.repealedOn;
    const succ = law.status === 'repealed' && law.replacedBy ? this.laws.get(law.replacedBy) : undefined;
    return succ ? this.knownStart(succ) : undefined;
  }

  /** The issue date of the successor of a repealed law whose repeal date is not known: it was repealed on or after it. */
  repealedNotBefore(law: LawInfo): string | undefined {
    const succ = law.status === 'repealed' && law.replacedBy ? this.laws.get(law.replacedBy) : undefined;
    return succ && !this.repealDate(law) ? succ.issued : undefined;
  }

  /**
   * Of several laws with the same name or abbreviation, the one meant at `date`:
   * the one in force then; else the most recent one before; else the earliest.
   * `newest`: the newest of them ("den nya socialtjänstlagen").
   */
  pickAt(sfsList: readonly string[], date: string, newest = false): LawInfo | undefined {
    const laws = sfsList.map((s) => this.laws.get(s)).filter((l): l is LawInfo => l !== undefined);
    if (laws.length <= 1) return laws[0];
    const ranked = laws.map((law) => ({ law, from: this.from(law), to: this.to(law) })).sort((a, b) => (a.from < b.from ? -1 : 1));
    if (newest) return ranked[ranked.length - 1].law;
    const inForce = ranked.filter((r) => r.from <= date && date < r.to);
    if (inForce.length) return inForce[inForce.length - 1].law;
    const before = ranked.filter((r) => r.from <= date);
    return (before.length ? before[before.length - 1] : ranked[0]).law;
  }

  /** Does the registry know that this section exists (or does not)? */
  sectionStatus(sfs: string, chapter: string | undefined, section: string): SectionStatus {
    // Nested maps: no key string to build and hash for every look-up; the law's map of the last look-up kept
    // (consecutive citations mostly cite the same law).
    let byChapter = sfs === this.statusSfs ? this.statusByChapter : this.statusCache.get(sfs);
    if (!byChapter) {
      byChapter = new Map();
      this.statusCache.set(sfs, byChapter);
    }
    this.statusSfs = sfs;
    this.statusByChapter = byChapter;
    const ch = chapter ?? '\u0000';
    let bySection = byChapter.get(ch);
    if (!bySection) {
      bySection = new Map();
      byChapter.set(ch, bySection);
    }
    let status = bySection.get(section);
    if (status === undefined) {
      status = this.sectionStatusUncached(sfs, chapter, section);
      if (this.statusCount >= 20_000) {
        this.statusCache.clear();
        this.statusCount = 0;
        this.statusSfs = undefined;
        return status;
      }
      bySection.set(section, status);
      this.statusCount += 1;
    }
    return status;
  }
  private readonly statusCache = new Map<string, Map<string, Map<string, SectionStatus>>>();
  private statusSfs: string | undefined;
  private statusByChapter: Map<string, Map<string, SectionStatus>> | undefined;
  private statusCount = 0;

  private sectionStatusUncached(sfs: string, chapter: string | undefined, section: string): SectionStatus {
    const law = this.laws.get(sfs);
    if (!law?.sections) return 'unknown';
    const status = sectionInData(law.sections, law.chaptered, chapter, section);
    return status === 'missing' && law.sectionsIncomplete ? 'unknown' : status;
  }

  /** Does the registry know this chapter exists? */
  chapterStatus(sfs: string, chapter: string): SectionStatus {
    const law = this.laws.get(sfs);
    if (!law?.sections) return 'unknown';
    return law.sections.has(normSection(chapter)) ? 'exists' : law.sectionsIncomplete ? 'unknown' : 'missing';
  }

  /** All section texts of a bundled law (loaded once through `loader`, validated). */
  lawTexts(sfs: string, loader: LawDataLoader): Promise<LawTexts | null> {
    const law = this.laws.get(sfs);
    if (!law?.textFile) return Promise.resolve(null);
    let p = this.texts.get(sfs);
    if (!p) {
      p = loader.load(law.textFile).then((data) => LawTextsSchema.parse(data));
      p.catch(() => this.texts.delete(sfs));
      this.texts.set(sfs, p);
    }
    return p;
  }

  /** The text of one section, or null when the data has none. */
  async sectionText(sfs: string, chapter: string | undefined, section: string, loader: LawDataLoader): Promise<SectionText | null> {
    const texts = await this.lawTexts(sfs, loader);
    if (!texts) return null;
    const sec = normSection(section);
    const ch = chapter === undefined ? null : normSection(chapter);
    for (const c of texts.chapters) {
      if ((c.chapter ?? null) !== ch) continue;
      const s = c.sections.find((x) => x.section === sec);
      if (s) return s;
    }
    return null;
  }
}

/** What a law's section numbers (per chapter, "" without chapters) say of one section. */
function sectionInData(sections: Map<string, Set<string>>, chaptered: boolean | undefined, chapter: string | undefined, section: string): SectionStatus {
  const sec = normSection(section);
  if (chapter === undefined) {
    if (chaptered) return 'unknown';
    return sections.get('')?.has(sec) ? 'exists' : 'missing';
  }
  const ch = sections.get(normSection(chapter));
  // (a law without chapters has none to cite: "3 kap. 2 § LVU"; its annex is no chapter either)
  if (!ch) return 'missing';
  return ch.has(sec) ? 'exists' : 'missing';
}
