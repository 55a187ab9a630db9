import { describe, expect, it } from 'vitest';
import {
  CaseIndex,
  NaiveScan,
  findRelated,
  findRelatedNaive,
  type CaseRecord,
  type ReasonCode,
  type RelatedDocument,
} from '../../../lib/related';
import { recordFromAnalysis } from '../../../lib/related';
import { syntheticDocuments } from '../../../scripts/bench-related';
import { loadFixtureDocs, type LoadedDoc } from './fixtures';

const docs = loadFixtureDocs();
const byName = new Map(docs.map((d) => [d.id, d]));
const nameOf = (r: CaseRecord) => docs.find((d) => d.record.id === r.id)!.id;
const index = new CaseIndex(docs.map((d) => d.record));

function relatedOf(name: string): RelatedDocument[] {
  return index.findRelated(byName.get(name)!.record);
}

function link(a: string, b: string): RelatedDocument | undefined {
  return relatedOf(a).find((r) => nameOf(r.record) === b);
}

function codes(a: string, b: string): ReasonCode[] {
  return link(a, b)?.reasons.map((r) => r.code) ?? [];
}

describe('documents of one case are linked, with the right reasons', () => {
  // [a, b, the reasons expected (strongest first)]
  const expected: [string, string, ReasonCode[]][] = [
    ['a-motion', 'a-remiss', ['case-number', 'motion']],
    // the seed: OCR'd, refers to KS 2023/105, its motion title damaged ("utvirdering av filtassistenter")
    ['a-motion', 'a-socialnamnden', ['case-number', 'motion']],
    // no KS diarienummer in Rinkeby-Kista's answer, and its title is OCR-damaged: only the motion connects it
    ['a-motion', 'a-rinkeby', ['motion']],
    ['a-remiss', 'a-rinkeby', ['motion']],
    // two answers in different words: the motion, and the rare provision both cite
    ['a-socialnamnden', 'a-rinkeby', ['motion', 'law']],
    // another nämnd's answer on the same template: near-identical text
    ['a-rinkeby', 'a-hasselby', ['motion', 'text', 'law']],
    ['a-protokoll', 'a-motion', ['case-number']],
    ['a-protokoll', 'a-remiss', ['case-number']],
    ['a-protokoll', 'a-socialnamnden', ['case-number']],
    ['a-protokoll', 'a-hasselby', ['case-number']],
    // the other seed: no diarienummer at all, the motion's title and authors connect it
    ['b-hagersten', 'b-motion', ['motion']],
    ['b-spanga', 'b-motion', ['case-number', 'motion']],
    // "Ater1nför Vall1ngbyteamet - motion fran (L)" ↔ "Återinför Vällingbyteamet"
    ['b-spanga', 'b-hagersten', ['motion']],
  ];
  for (const [a, b, reasons] of expected) {
    it(`${a} ↔ ${b}: ${reasons.join(', ')}`, () => {
      expect(codes(a, b)).toEqual(reasons);
      expect(codes(b, a)).toEqual(reasons);
    });
  }

  it('says why in Swedish, naming the diarienummer, the motion and its authors, the similarity and the provision', () => {
    const [dnr, motion] = link('a-motion', 'a-remiss')!.reasons;
    expect(dnr.label).toBe('Samma diarienummer: KS 2023/105');
    expect(motion.label).toBe("Samma motion: 'Vetenskaplig utvärdering av fältassistenter' (Gabriel Kroon (SD))");
    const hagersten = link('b-spanga', 'b-hagersten')!.reasons[0];
    expect(hagersten.label).toBe("Samma motion: 'Återinför Vällingbyteamet' (Jan Jönsson (L), Anne-Lie Elfvén (L))");
    const reasons = link('a-rinkeby', 'a-hasselby')!.reasons.map((r) => r.label);
    expect(reasons[1]).toMatch(/^Nästan samma text \((\d+) %\)$/);
    expect(Number(/(\d+) %/.exec(reasons[1])![1])).toBeGreaterThanOrEqual(60);
    expect(reasons[2]).toBe('Samma ovanliga lagrum: 3 kap. 3 a § SoL');
  });

  it('ranks the strongest link first: the diarienummer before the motion, the motion before the text', () => {
    const forMotion = relatedOf('a-motion');
    const firstWithoutDnr = forMotion.findIndex((r) => r.reasons[0].code !== 'case-number');
    expect(forMotion.slice(0, firstWithoutDnr).every((r) => r.reasons[0].code === 'case-number')).toBe(true);
    expect(forMotion.slice(firstWithoutDnr).every((r) => r.reasons[0].code !== 'case-number')).toBe(true);
    for (const list of docs.map((d) => relatedOf(d.id))) {
      for (let i = 1; i < list.length; i++) expect(list[i - 1].score).toBeGreaterThanOrEqual(list[i].score);
      for (const r of list) {
        for (let i = 1; i < r.reasons.length; i++) expect(r.reasons[i - 1].score).toBeGreaterThanOrEqual(r.reasons[i].score);
      }
    }
  });

  it('every document of a case reaches every other through the links (the case is connected)', () => {
    for (const c of ['A', 'B']) {
      const members = docs.filter((d) => d.case === c).map((d) => d.id);
      const reached = new Set([members[0]]);
      const queue = [members[0]];
      while (queue.length > 0) {
        for (const r of relatedOf(queue.shift()!)) {
          const n = nameOf(r.record);
          if (!reached.has(n)) {
            reached.add(n);
            queue.push(n);
          }
        }
      }
      expect([...reached].sort()).toEqual([...members].sort());
    }
  });
});

describe('unrelated documents are not linked', () => {
  it('no link crosses from one case to another, or to the unrelated documents', () => {
    for (const d of docs) {
      for (const r of relatedOf(d.id)) {
        const other = byName.get(nameOf(r.record))!;
        expect({ from: d.id, to: other.id, same: d.case !== null && d.case === other.case }).toEqual({
          from: d.id,
          to: other.id,
          same: true,
        });
      }
    }
  });

  it('the unrelated motion from the same party with "utvärdering" in its title is not the fältassistent motion', () => {
    expect(relatedOf('u-sprak')).toEqual([]);
    expect(link('a-motion', 'u-sprak')).toBeUndefined();
  });

  it('a document is never related to itself', () => {
    for (const d of docs) expect(relatedOf(d.id).some((r) => r.record.id === d.record.id)).toBe(false);
  });
});

describe('the inverted index gives what a comparison with every record gives', () => {
  it('on the fixtures', () => {
    const all = docs.map((d) => d.record);
    for (const d of docs) {
      const indexed = findRelated(d.record, index);
      const naive = findRelatedNaive(d.record, all);
      expect(indexed.map(summary)).toEqual(naive.map(summary));
    }
  });

  it('for a document that is not stored yet', () => {
    const stored = docs.filter((d) => d.id !== 'a-rinkeby').map((d) => d.record);
    const query: LoadedDoc = byName.get('a-rinkeby')!;
    const indexed = new CaseIndex(stored).findRelated(query.record);
    const naive = new NaiveScan(stored).findRelated(query.record);
    expect(indexed.map(summary)).toEqual(naive.map(summary));
    expect(indexed.map((r) => nameOf(r.record))).toContain('a-hasselby');
  });

  it('on 1,000 synthetic documents of about 200 cases (the benchmark\'s generator)', () => {
    const synthetic = syntheticDocuments(1000, 7);
    const records = synthetic.map((d) => recordFromAnalysis(d.result, d.text, { url: d.url }, { saveText: false, now: '2024-06-01T00:00:00Z' }));
    const idx = new CaseIndex(records);
    const naive = new NaiveScan(records);
    const caseOf = new Map(synthetic.map((d, i) => [records[i].id, d.caseId]));
    let links = 0;
    let sameCase = 0;
    for (const r of records.filter((_, i) => i % 5 === 0)) {
      const fast = idx.findRelated(r);
      expect(fast.map(summary)).toEqual(naive.findRelated(r).map(summary));
      links += fast.length;
      sameCase += fast.filter((x) => caseOf.get(x.record.id) === caseOf.get(r.id)).length;
    }
    // Nearly every link stays within its case (the rest: the weak "rare provision" reason, by chance).
    expect(sameCase / links).toBeGreaterThan(0.95);
  });

  it('after records are replaced and deleted', () => {
    const idx = new CaseIndex(docs.map((d) => d.record));
    idx.delete(byName.get('a-remiss')!.record.id);
    idx.put({ ...byName.get('a-motion')!.record, caseNumbers: ['KS 2023/999'] });
    const all = idx.records();
    for (const d of docs) {
      expect(idx.findRelated(d.record).map(summary)).toEqual(findRelatedNaive(d.record, all).map(summary));
    }
    expect(idx.findRelated(byName.get('a-protokoll')!.record).map((r) => nameOf(r.record))).not.toContain('a-motion');
  });
});

function summary(r: RelatedDocument): string {
  return `${r.record.id} ${r.score.toFixed(3)} ${r.reasons.map((x) => x.label).join(' | ')}`;
}
