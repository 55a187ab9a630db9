/**
 * Document analysis (issue 4): kind, facts, sections, missing sections.
 * PLACEHOLDER until the analysis lands: everything unknown.
 */
import type { DocumentFacts, MissingSection, Problem, Section } from '../analysis/schema';

export interface DocumentOptions {
  /** Built-in profile name or a profile object; default chosen from the kind. */
  profile?: string | unknown;
}

export interface DocumentFindings {
  document: DocumentFacts;
  sections: Section[];
  missingSections: MissingSection[];
  problems: Problem[];
}

export function analyzeDocument(text: string, options: DocumentOptions = {}): DocumentFindings {
  void text;
  void options;
  return {
    document: {
      kind: 'unknown',
      confidence: 0,
      evidence: [],
      title: null,
      date: null,
      caseNumbers: [],
      authority: null,
      officer: null,
      motion: null,
      proposals: [],
    },
    sections: [],
    missingSections: [],
    problems: [],
  };
}
