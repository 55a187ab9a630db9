/**
 * Benchmark for related cases (issue 9): finding the related documents among
 * 10,000 stored ones with the inverted index, next to a plain comparison with
 * every stored document, in the same run; and the storage each record takes.
 *
 * The 10,000 records come from synthetic cases built out of real council text:
 * sentences of the seed documents and the related-case fixtures, each varied
 * word by word, with made-up motions (title, authors, diarienummer), answers from
 * several nämnder (some on a shared template), protokoll, and statutes drawn
 * with a skewed frequency so that some provisions are common and most are rare.
 *
 * Run alone: npx tsx scripts/bench-related.ts
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { AnalysisResult, Citation, DocumentKind } from '../lib/analysis/schema';
import { findCaseNumbers } from '../lib/documents/case-numbers';
import { CaseIndex, NaiveScan, recordFromAnalysis, type CaseRecord, type RelatedDocument } from '../lib/related';
import { rng } from '../tests/lib/related/ocr';


const VERBS = ['Utred', 'Inför', 'Återinför', 'Utvärdera', 'Stärk', 'Bygg ut', 'Förbättra', 'Satsa på', 'Se över', 'Säkra'];
const SUBJECTS = [
  'fältassistenter', 'parklekar', 'belysning i gångtunnlar', 'hemtjänsten', 'äldreboenden', 'cykelbanor', 'simhallar',
  'biblioteken', 'lekplatser', 'skolgårdar', 'feriearbeten', 'stödet till hemlösa', 'skyddade boenden', 'språkförskolor',
  'kollonverksamheten', 'fritidsgårdar', 'nattvandrare', 'kvinnojourer', 'bostäder för unga', 'familjecentraler',
  'mötesplatser för äldre', 'snöröjningen', 'offentliga toaletter', 'trygghetskameror', 'utegym', 'spontanidrottsplatser',
  'musikskolan', 'socialtjänstens mottagning', 'ensamkommande ungdomar', 'missbruksvården', 'barnomsorg på obekväm tid',
  'läxhjälp', 'skolbibliotek', 'elevhälsan', 'hundrastgårdar', 'stadsodling', 'dagverksamhet', 'boendestöd',
  'personlig assistans', 'anhörigstöd',
];
const PLACES = [
  'i ytterstaden', 'i Skärholmen', 'i Rinkeby-Kista', 'i Farsta', 'i Spånga-Tensta', 'i Enskede-Årsta-Vantör', 'i Bromma',
  'i Hässelby-Vällingby', 'i Älvsjö', 'i innerstaden', 'för unga', 'för äldre', 'i hela staden', 'i Skarpnäck', 'på Södermalm',
];
const FIRST = ['Anna', 'Erik', 'Maria', 'Johan', 'Sara', 'Karl', 'Lena', 'Ahmed', 'Fatima', 'Per', 'Eva', 'Omar', 'Ingrid', 'Lars', 'Leila', 'Mats'];
const LAST = ['Andersson', 'Berg', 'Lindqvist', 'Holm', 'Nilsson', 'Ek', 'Sjöberg', 'Hassan', 'Strand', 'Wallin', 'Nordin', 'Ali', 'Lund', 'Björk'];
const PARTIES = ['S', 'M', 'L', 'C', 'V', 'MP', 'KD', 'SD'];
const BODIES = [
  'Socialnämnden', 'Utbildningsnämnden', 'Trafiknämnden', 'Kulturnämnden', 'Idrottsnämnden', 'Äldrenämnden', 'Exploateringsnämnden',
  'Skärholmens stadsdelsnämnd', 'Farsta stadsdelsnämnd', 'Rinkeby-Kista stadsdelsnämnd', 'Spånga-Tensta stadsdelsnämnd',
  'Hässelby-Vällingby stadsdelsnämnd', 'Bromma stadsdelsnämnd', 'Södermalms stadsdelsnämnd', 'Skarpnäcks stadsdelsnämnd',
];
const LAWS: { sfs: string; title: string; abbreviation: string; chapters: number; sections: number }[] = [
  { sfs: '2001:453', title: 'socialtjänstlagen', abbreviation: 'SoL', chapters: 16, sections: 12 },
  { sfs: '2017:725', title: 'kommunallagen', abbreviation: 'KL', chapters: 13, sections: 40 },
  { sfs: '2010:800', title: 'skollagen', abbreviation: 'SkolL', chapters: 29, sections: 30 },
  { sfs: '2010:900', title: 'plan- och bygglagen', abbreviation: 'PBL', chapters: 16, sections: 20 },
  { sfs: '2009:400', title: 'offentlighets- och sekretesslagen', abbreviation: 'OSL', chapters: 44, sections: 10 },
  { sfs: '1993:387', title: 'lagen om stöd och service till vissa funktionshindrade', abbreviation: 'LSS', chapters: 0, sections: 30 },
];

/** Real council sentences: the seeds and the related-case fixtures. */
function sentencePool(): string[] {
  const dirs = [resolve('tests/fixtures/seeds'), resolve('tests/fixtures/related')];
  const text = dirs
    .flatMap((d) => readdirSync(d).filter((f) => f.endsWith('.txt')).map((f) => readFileSync(join(d, f), 'utf8')))
    .join('\n');
  // Without the fixtures' own diarienummer: each synthetic case gets its own.
  const withoutDnr = findCaseNumbers(text).reduceRight((t, m) => t.slice(0, m.start) + t.slice(m.end), text);
  return withoutDnr
    .replace(/\s+/g, ' ')
    .split(/(?<=[.!?])\s+/)
    .filter((s) => s.split(' ').length >= 6);
}

interface SyntheticDoc {
  result: AnalysisResult;
  text: string;
  url: string;
  caseId: number;
}

function pick<T>(random: () => number, list: readonly T[]): T {
  return list[Math.floor(random() * list.length)];
}

/** `count` documents of about count/7 synthetic cases. */
export function syntheticDocuments(count: number, seed = 1): SyntheticDoc[] {
  const random = rng(seed);
  const pool = sentencePool();
  const words = [...new Set(pool.join(' ').split(' ').filter((w) => /^\p{L}{4,}$/u.test(w)))];
  // Skewed provisions: a few common, most rare.
  const provisions = Array.from({ length: 1500 }, () => {
    const law = pick(random, LAWS);
    const chapter = law.chapters > 0 ? String(1 + Math.floor(random() * law.chapters)) : undefined;
    return { law, chapter, section: String(1 + Math.floor(random() * law.sections)) };
  });
  const provision = () => provisions[Math.floor(provisions.length * random() ** 3)];

  const vary = (sentence: string) =>
    sentence
      .split(' ')
      .map((w) => (random() < 0.25 ? pick(random, words) : w))
      .join(' ');
  const body = (n: number) => Array.from({ length: n }, () => vary(pick(random, pool))).join(' ');

  const docs: SyntheticDoc[] = [];
  let caseId = 0;
  while (docs.length < count) {
    caseId++;
    const year = 2020 + Math.floor(random() * 5);
    const dnr = `KS ${year}/${caseId}`;
    const title = `${pick(random, VERBS)} ${pick(random, SUBJECTS)} ${pick(random, PLACES)}`;
    const authors = Array.from({ length: 1 + Math.floor(random() * 2) }, () => ({
      name: `${pick(random, FIRST)} ${pick(random, LAST)}`,
      party: pick(random, PARTIES),
    }));
    const cited = Array.from({ length: Math.floor(random() * 4) }, provision);
    const date = (m: number) => `${year}-${String(1 + (m % 12)).padStart(2, '0')}-${String(1 + Math.floor(random() * 28)).padStart(2, '0')}`;
    const motion = { title, authors };
    const make = (kind: DocumentKind, docTitle: string, text: string, caseNumbers: string[], authority: string, month: number) => {
      const citations: Citation[] = [];
      let full = text;
      for (const p of cited) {
        if (random() < 0.4) continue;
        const mention = `${p.chapter ? `${p.chapter} kap. ` : ''}${p.section} § ${p.law.title}`;
        const start = full.length + 1;
        full += ` ${mention}.`;
        citations.push({
          start,
          end: start + mention.length,
          text: mention,
          kind: 'statute',
          law: { sfs: p.law.sfs, title: p.law.title, abbreviation: p.law.abbreviation, status: 'in-force' },
          targets: [{ ...(p.chapter ? { chapter: p.chapter } : {}), section: p.section }],
        });
      }
      const result: AnalysisResult = {
        schemaVersion: 1,
        document: {
          kind,
          confidence: 0.9,
          evidence: [],
          title: docTitle,
          date: date(month),
          caseNumbers,
          authority,
          officer: null,
          motion: kind === 'protokoll' ? null : motion,
          proposals: [],
        },
        sections: [],
        missingSections: [],
        citations,
        problems: [],
      };
      docs.push({ result, text: full, url: `https://meetingspublic.example/${caseId}/${docs.length}.html`, caseId });
    };
    make('motion', title, `${title}. ${body(8 + Math.floor(random() * 8))} ${authors.map((a) => `${a.name} (${a.party})`).join(' ')}`, [dnr], 'Kommunfullmäktige', 0);
    make('remiss', `Remiss av motion om ${title.toLowerCase()}`, `Dnr ${dnr}. ${body(4 + Math.floor(random() * 4))}`, [dnr], 'Kommunstyrelsen', 1);
    const answers = 1 + Math.floor(random() * 4);
    let template: string | null = null;
    for (let i = 0; i < answers; i++) {
      const body2: string = template && random() < 0.5 ? vary(template) : body(10 + Math.floor(random() * 10));
      template ??= body2;
      const own = `${pick(random, ['SN', 'UN', 'T', 'KN', 'SDN'])} ${year}/${100 + Math.floor(random() * 9000)}`;
      // some answers name the KS number, others only the motion
      const refs = random() < 0.7 ? [own, dnr] : [own];
      make('remissvar', random() < 0.5 ? title : `Motion om ${title.toLowerCase()}`, `${refs.join(' ')} ${body2}`, refs, pick(random, BODIES), 4 + i);
    }
    if (random() < 0.5) make('protokoll', `Protokoll kommunfullmäktige ${year}`, `§ 12 ${title} Dnr ${dnr}. ${body(3)}`, [`KS ${year}/${caseId + 50_000}`, dnr], 'Kommunfullmäktige', 9);
  }
  return docs.slice(0, count);
}

function agree(a: RelatedDocument[], b: RelatedDocument[], top: number): boolean {
  const key = (l: RelatedDocument[]) => l.slice(0, top).map((r) => `${r.record.id}:${r.score.toFixed(3)}`).join(',');
  return key(a) === key(b);
}

export async function benchRelated(options: { records?: number; queries?: number } = {}): Promise<string[]> {
  const total = options.records ?? 10_000;
  const queries = options.queries ?? 200;
  const now = '2024-06-01T12:00:00.000Z';

  const docs = syntheticDocuments(total);
  const t0 = performance.now();
  const records: CaseRecord[] = docs.map((d) => recordFromAnalysis(d.result, d.text, { url: d.url }, { saveText: false, now }));
  const tRecords = performance.now() - t0;

  const t1 = performance.now();
  const index = new CaseIndex(records);
  const tIndex = performance.now() - t1;
  const t2 = performance.now();
  const naive = new NaiveScan(records);
  const tNaive = performance.now() - t2;

  const random = rng(42);
  const sample = Array.from({ length: queries }, () => records[Math.floor(random() * records.length)]);
  // warm up both
  for (const r of sample.slice(0, 10)) {
    index.findRelated(r);
    naive.findRelated(r);
  }
  let indexed = 0;
  let scanned = 0;
  let agreeing = 0;
  let found = 0;
  let sameCase = 0;
  const caseOf = new Map(docs.map((d, i) => [records[i].id, d.caseId]));
  const indexedTimes: number[] = [];
  for (const r of sample) {
    const a = performance.now();
    const fast = index.findRelated(r);
    const b = performance.now();
    const slow = naive.findRelated(r);
    const c = performance.now();
    indexed += b - a;
    scanned += c - b;
    indexedTimes.push(b - a);
    if (agree(fast, slow, 10)) agreeing++;
    found += fast.length;
    sameCase += fast.filter((x) => caseOf.get(x.record.id) === caseOf.get(r.id)).length;
  }
  indexedTimes.sort((x, y) => x - y);
  const p95 = indexedTimes[Math.floor(indexedTimes.length * 0.95)];

  const bytes = records.map((r) => new TextEncoder().encode(JSON.stringify(r)).length);
  const meanBytes = bytes.reduce((s, b) => s + b, 0) / bytes.length;
  const textBytes = docs.map((d) => new TextEncoder().encode(d.text).length).reduce((s, b) => s + b, 0) / docs.length;
  const fingerprintBytes = records[0].fingerprint.sig.length;

  const ms = (x: number) => `${x.toFixed(3)} ms`;
  return [
    `Relaterade ärenden: ${total.toLocaleString('sv-SE')} lagrade dokument (${docs[docs.length - 1].caseId} syntetiska ärenden), ${queries} sökningar`,
    `  index (inverterat: dnr, titelord, MinHash-LSH, lagrum): ${ms(indexed / queries)} per sökning (p95 ${ms(p95)})`,
    `  jämförelse med alla lagrade dokument:                  ${ms(scanned / queries)} per sökning`,
    `  index / jämförelse: ${(scanned / indexed).toFixed(1)}× snabbare; samma tio första träffar i ${agreeing} av ${queries} sökningar; ${(found / queries).toFixed(1)} relaterade per dokument`,
    `  träffsäkerhet: ${((100 * sameCase) / Math.max(1, found)).toFixed(1)} % av länkarna går till samma syntetiska ärende`,
    `  bygga indexet ur lagrade poster: ${ms(tIndex)} (jämförelsen förbereder sina i ${ms(tNaive)}); skapa posterna ur analyserna: ${ms(tRecords)}`,
    `  lagring per dokument (JSON, utan text): ${Math.round(meanBytes)} byte i snitt, varav fingeravtryck ${fingerprintBytes} byte; texten själv vore ${Math.round(textBytes)} byte`,
    `  ${total.toLocaleString('sv-SE')} dokument ≈ ${((meanBytes * total) / 1e6).toFixed(1)} MB`,
  ];
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  void benchRelated().then((lines) => console.log(lines.join('\n')));
}
