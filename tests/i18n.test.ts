/** The interface's two languages stay complete and loadable by the browser. */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { PageNoticeSchema } from '../lib/messages';
import type { CitationKind, DocumentKind } from '../lib';

const load = (locale: string) =>
  JSON.parse(readFileSync(`public/_locales/${locale}/messages.json`, 'utf8')) as Record<string, { message: string }>;
const sv = load('sv');
const en = load('en');

describe('locales', () => {
  it('Swedish and English have the same keys, each with a message', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(sv).sort());
    for (const [key, value] of [...Object.entries(sv), ...Object.entries(en)]) {
      expect(value.message.trim(), key).not.toBe('');
    }
  });

  it('uses only key names Chrome accepts', () => {
    for (const key of Object.keys(sv)) expect(key).toMatch(/^[A-Za-z0-9_@]+$/);
  });

  it('has a message for every kind, citation kind and page notice the code can show', () => {
    const kinds: DocumentKind[] = ['motion', 'remiss', 'remissvar', 'tjansteutlatande', 'protokoll', 'skrivelse', 'unknown'];
    const citationKinds: CitationKind[] = ['statute', 'preparatory', 'case-law', 'eu', 'regulation', 'case-number'];
    const keys = [
      ...kinds.map((k) => `kind_${k}`),
      ...citationKinds.flatMap((k) => [`citationKind_${k}`, `cardKind_${k}`].map((s) => s.replace(/-/g, '_'))),
      ...PageNoticeSchema.shape.code.options.map((c) => `notice_${c.replace(/-/g, '_')}`),
    ];
    for (const key of keys) expect(sv[key], key).toBeDefined();
  });
});
