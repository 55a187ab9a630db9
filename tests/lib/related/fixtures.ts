/** Loads the related-case fixtures: text + the facts a reader finds → AnalysisResult → CaseRecord. */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { AnalysisResultSchema, type AnalysisResult, type Citation, type DocumentFacts } from '../../../lib/analysis/schema';
import { recordFromAnalysis, type CaseRecord } from '../../../lib/related';

export const FIXTURES = resolve(__dirname, '../../fixtures/related');

interface StatuteFact {
  text: string;
  sfs: string;
  title: string;
  abbreviation?: string;
  targets: { chapter?: string; section?: string }[];
}

interface FixtureDoc {
  id: string;
  file: string;
  case: string | null;
  facts: Pick<DocumentFacts, 'kind' | 'title' | 'date' | 'caseNumbers' | 'authority' | 'motion'>;
  statutes: StatuteFact[];
}

export interface LoadedDoc {
  id: string;
  case: string | null;
  text: string;
  analysis: AnalysisResult;
  record: CaseRecord;
}

/** The AnalysisResult a correct analysis gives for the fixture: its facts, its statutes located in the text. */
export function analysisFromFacts(doc: FixtureDoc, text: string): AnalysisResult {
  const citations: Citation[] = doc.statutes.map((s) => {
    const start = text.indexOf(s.text);
    if (start < 0) throw new Error(`${doc.id}: "${s.text}" finns inte i texten`);
    return {
      start,
      end: start + s.text.length,
      text: s.text,
      kind: 'statute',
      law: { sfs: s.sfs, title: s.title, ...(s.abbreviation ? { abbreviation: s.abbreviation } : {}), status: 'in-force' },
      targets: s.targets,
    };
  });
  citations.sort((a, b) => a.start - b.start);
  return AnalysisResultSchema.parse({
    schemaVersion: 1,
    document: { confidence: 1, evidence: [], officer: null, proposals: [], ...doc.facts },
    sections: [],
    missingSections: [],
    citations,
    problems: [],
  });
}

export function loadFixtureDocs(now = '2024-01-15T10:00:00.000Z'): LoadedDoc[] {
  const { documents } = JSON.parse(readFileSync(resolve(FIXTURES, 'facts.json'), 'utf8')) as { documents: FixtureDoc[] };
  return documents.map((doc) => {
    const text = readFileSync(resolve(FIXTURES, doc.file), 'utf8');
    const analysis = analysisFromFacts(doc, text);
    const record = recordFromAnalysis(analysis, text, { fileName: doc.file.replace(/^.*\//, '') }, { saveText: false, now });
    return { id: doc.id, case: doc.case, text, analysis, record };
  });
}
