/**
 * Builds the bundled law data from ../shared/lawdata (run by hand; output committed,
 * because a user's clone has no ../shared):
 *
 *   lib/laws/data/core.json     synchronous core: law metadata, name forms, abbreviations
 *                               with their time ranges, section numbers of the bundled laws
 *   public/laws/sfs-*.json      section texts per law (loaded lazily)
 *   public/laws/sfs-index.json  compact titles of every SFS number in sfs-index.json (lazy)
 *
 *   npx tsx scripts/build-lawdata.ts [path/to/lawdata]
 */
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { definiteForm } from '../lib/laws/names';
import { CoreDataSchema, LawTextsSchema, TitleIndexSchema, type CoreData, type CoreLaw } from '../lib/laws/schema';

const root = resolve(import.meta.dirname, '..');
const src = resolve(process.argv[2] ?? join(root, '..', 'shared', 'lawdata'));

interface AbbrEntry {
  abbr: string | null; sfs: string | null; title: string; commonName?: string; status: string;
  repealedBy?: string | null; repealedOn?: string | null; inForceFrom?: string; aliases?: string[];
  note?: string; celex?: string; url?: string;
}
interface IndexEntry {
  sfs: string; title: string; kind: string; status: string; repealedOn?: string; repealedBy?: string;
  issued?: string; inForceFrom?: string; inferred?: { repealedOn?: string; repealedBy?: string };
}
interface LawFile {
  sfs: string; title: string; abbreviation?: string | null; commonName?: string; status: string;
  repealedBy?: string; repealedOn?: string; inForceFrom?: string; source: unknown; consolidatedThrough?: string;
  chapters: { chapter: string | null; title?: string | null; sections: { section: string; heading?: string; text: string; possiblyTruncated?: boolean; note?: string; temporal?: unknown }[] }[];
}

/** "1810:0926" → "1810:926". */
const normSfs = (s: string) => s.replace(/^(\d{4}):0*(\d)/, '$1:$2');

const abbreviations = JSON.parse(readFileSync(join(src, 'abbreviations.json'), 'utf8')) as AbbrEntry[];
const index = JSON.parse(readFileSync(join(src, 'sfs-index.json'), 'utf8')) as IndexEntry[];
const byIndex = new Map(index.map((e) => [normSfs(e.sfs), e]));
const lawFiles = readdirSync(src)
  .filter((f) => /^sfs-\d{4}-\d+\.json$/.test(f))
  .map((f) => JSON.parse(readFileSync(join(src, f), 'utf8')) as LawFile);

/** Is an alias an abbreviation ("KomL", "AL", "BK") rather than a name form? */
const isAbbrev = (s: string) => !/\s/.test(s) && /^\p{Lu}/u.test(s) && /\p{Lu}/u.test(s.slice(1));
const core: CoreData = { version: 1, laws: [], abbreviations: [], eu: [] };
const laws = new Map<string, CoreLaw>();

/**
 * Name forms council documents use that the sources do not list (our addition): the conventions made
 * law by 2018:1197 and 1994:1219 by their own names ("FN:s konvention om barnets rättigheter", "FN:s
 * barnkonvention", "Europakonventionen"), and short titles ("lagen om stöd och service"). (Read only from the laws' entry into force: a name never
 * means a law not yet in force.)
 */
const EXTRA_NAMES: Record<string, string[]> = {
  '2018:1197': ['konventionen om barnets rättigheter', 'konvention om barnets rättigheter', 'barnkonvention'],
  '1994:1219': ['europakonventionen'],
  // the short titles officials use for LSS, LVU and LVM
  '1993:387': ['lagen om stöd och service'],
  '1990:52': ['lagen om vård av unga'],
  '1988:870': ['lagen om vård av missbrukare'],
};

/**
 * Did the source lose sections in conversion? A heading is always followed by a section, so a section
 * whose heading holds two (" / ") after a gap in the numbers lost the sections under the first one
 * (skollagen from se-lex: "Kapitlets innehåll / Vilka som omfattas av skolplikt" on 7 kap. 2 §, 1 § gone).
 */
function lostSections(chapters: { sections: { section: string; heading?: string }[] }[]): boolean {
  for (const c of chapters) {
    let prev = 0;
    for (const s of c.sections) {
      const n = Number.parseInt(s.section, 10);
      if (s.heading?.includes(' / ') && n > prev + 1) return true;
      if (!Number.isNaN(n)) prev = n;
    }
  }
  return false;
}

function ensureLaw(sfsRaw: string, title?: string): CoreLaw {
  const sfs = normSfs(sfsRaw);
  let law = laws.get(sfs);
  if (!law) {
    const ix = byIndex.get(sfs);
    law = { sfs, title: title ?? ix?.title ?? `SFS ${sfs}`, names: [], status: ix?.status === 'repealed' ? 'repealed' : 'in-force' };
    if (ix?.issued) law.issued = ix.issued;
    if (ix?.inForceFrom) law.inForceFrom = ix.inForceFrom;
    const repOn = ix?.repealedOn ?? ix?.inferred?.repealedOn;
    if (repOn) law.repealedOn = repOn;
    const repBy = ix?.repealedBy ?? ix?.inferred?.repealedBy;
    if (repBy) law.replacedBy = normSfs(repBy);
    laws.set(sfs, law);
  }
  return law;
}
const addName = (law: CoreLaw, name: string | null | undefined) => {
  if (!name) return;
  const n = name.replace(/\s*\([^)]*\)\s*/g, ' ').replace(/\s+/g, ' ').trim();
  if (n && !law.names.includes(n)) law.names.push(n);
};
const addAbbr = (law: CoreLaw, abbr: string) => {
  law.abbreviations ??= [];
  if (!law.abbreviations.includes(abbr)) law.abbreviations.push(abbr);
};

for (const a of abbreviations) {
  if (!a.sfs) {
    if (a.celex) core.eu.push({ celex: a.celex, title: a.title, ...(a.abbr ? { abbreviation: a.abbr } : {}), names: [...new Set([a.commonName ?? '', ...(a.aliases ?? [])])].filter((n) => n && !n.startsWith('(')) });
    continue;
  }
  const law = ensureLaw(a.sfs, a.title);
  law.title = a.title;
  law.status = a.status === 'repealed' ? 'repealed' : 'in-force';
  if (a.repealedOn) law.repealedOn = a.repealedOn;
  if (a.repealedBy) law.replacedBy = normSfs(a.repealedBy);
  if (a.inForceFrom) law.inForceFrom = a.inForceFrom;
  if (!a.abbr || /^\p{Lu}\p{Ll}{4,}$/u.test(a.abbr)) addName(law, a.abbr?.toLowerCase()); // "Barnkonventionen" is a name
  else {
    addAbbr(law, a.abbr);
    core.abbreviations.push({ abbr: a.abbr, sfs: law.sfs });
  }
  for (const n of (a.commonName ?? '').split(' / ')) addName(law, n);
  for (const al of a.aliases ?? []) {
    if (isAbbrev(al)) {
      addAbbr(law, al);
      core.abbreviations.push({ abbr: al, sfs: law.sfs });
    } else addName(law, al);
  }
  addName(law, definiteForm(a.title));
}

// The bundled law texts.
mkdirSync(join(root, 'public', 'laws'), { recursive: true });
for (const f of lawFiles) {
  const law = ensureLaw(f.sfs, f.title);
  law.status = f.status === 'repealed' ? 'repealed' : 'in-force';
  if (f.repealedOn) law.repealedOn = f.repealedOn;
  if (f.repealedBy) law.replacedBy = normSfs(f.repealedBy);
  if (f.inForceFrom) law.inForceFrom = f.inForceFrom;
  if (f.abbreviation) addAbbr(law, f.abbreviation);
  addName(law, definiteForm(f.title));
  const sections: Record<string, string> = {};
  for (const c of f.chapters) {
    const key = c.chapter ?? '';
    const list = [...new Set(c.sections.map((s) => s.section))];
    sections[key] = sections[key] ? `${sections[key]},${list.join(',')}` : list.join(',');
  }
  law.sections = sections;
  law.chaptered = f.chapters.some((c) => c.chapter !== null && c.chapter !== 'Bilaga');
  if (lostSections(f.chapters)) law.sectionsIncomplete = true;
  const file = `sfs-${law.sfs.replace(':', '-')}.json`;
  law.textFile = file;
  const texts = LawTextsSchema.parse({
    sfs: law.sfs,
    title: f.title,
    source: f.source,
    consolidatedThrough: f.consolidatedThrough,
    chapters: f.chapters.map((c) => ({
      chapter: c.chapter,
      title: c.title ?? null,
      sections: c.sections.map((s) => ({
        section: s.section,
        ...(s.heading ? { heading: s.heading } : {}),
        text: s.text,
        ...(s.possiblyTruncated ? { possiblyTruncated: true } : {}),
        ...(s.note ? { note: s.note } : {}),
        ...(s.temporal ? { temporal: s.temporal } : {}),
      })),
    })),
  });
  writeFileSync(join(root, 'public', 'laws', file), JSON.stringify(texts));
}

for (const [sfs, names] of Object.entries(EXTRA_NAMES)) {
  const law = ensureLaw(sfs);
  addName(law, definiteForm(law.title));
  for (const n of names) addName(law, n);
}

// Second meanings of ambiguous abbreviations (abbreviations.json README: ferenda maps
// "FL" also to förköpslagen (1967:868) and "KL" also to konkurslagen (1987:672)).
for (const [abbr, sfs] of [['FL', '1967:868'], ['KL', '1987:672']] as const) {
  const law = ensureLaw(sfs);
  addName(law, definiteForm(law.title));
  core.abbreviations.push({ abbr, sfs, secondary: true });
}

// Successor links and names for every core law.
for (const law of laws.values()) {
  if (!law.names.length) addName(law, definiteForm(law.title));
  if (law.replacedBy) {
    const succ = byIndex.get(law.replacedBy);
    if (succ && !laws.has(law.replacedBy)) law.replacedByTitle = succ.title;
  }
}
core.laws = [...laws.values()].sort((a, b) => a.sfs.localeCompare(b.sfs, 'en', { numeric: true }));
for (const law of core.laws) if (law.replacedBy && laws.has(law.replacedBy)) delete law.replacedByTitle;
CoreDataSchema.parse(core);
writeFileSync(join(root, 'lib', 'laws', 'data', 'core.json'), `${JSON.stringify(core, null, 1)}\n`);

// Compact titles index.
const entries = index.map((e) => {
  const row: (string | number)[] = [
    e.sfs, e.title, e.status === 'repealed' ? 1 : 0,
    e.repealedOn ?? e.inferred?.repealedOn ?? '', normSfs(e.repealedBy ?? e.inferred?.repealedBy ?? ''),
    e.issued ?? '', e.inForceFrom ?? '',
  ];
  while (row.length > 3 && row[row.length - 1] === '') row.pop();
  return row;
});
const titleIndex = TitleIndexSchema.parse({
  source: 'se-lex/sfs @ aaf6164464962da7b6bf9c0d496144db25403aac (MIT), via ../shared/lawdata/sfs-index.json',
  fields: ['sfs', 'title', 'repealed', 'repealedOn', 'repealedBy', 'issued', 'inForceFrom'],
  entries,
});
writeFileSync(join(root, 'public', 'laws', 'sfs-index.json'), JSON.stringify(titleIndex).replace(/\],\[/g, '],\n['));
console.log(`core: ${core.laws.length} laws, ${core.abbreviations.length} abbreviations; texts: ${lawFiles.length}; index: ${entries.length}`);
