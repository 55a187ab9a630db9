/**
 * lib/pdf text assembly on REAL PDFs: made with pdf-lib, read with pdf.js
 * (legacy build, as the CLI does), assembled by lib/pdf.
 */
import { readdir, readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { analyzeDocument } from '../../../lib/documents';
import { assemblePdfText } from '../../../lib/pdf';
import type { PdfPageText, PdfTextItem } from '../../../lib/pdf';

interface Draw {
  text: string;
  x?: number;
  y: number;
  size?: number;
}

/** A real PDF (A4, Helvetica) with the given draws per page, read back with pdf.js. */
async function pdfPages(pages: Draw[][]): Promise<PdfPageText[]> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  for (const draws of pages) {
    const page = doc.addPage([595.28, 841.89]);
    for (const d of draws) page.drawText(d.text, { x: d.x ?? 60, y: d.y, size: d.size ?? 11, font });
  }
  const bytes = await doc.save();
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const pdf = await pdfjs.getDocument({ data: bytes, isEvalSupported: false, disableFontFace: true, verbosity: 0 }).promise;
  const out: PdfPageText[] = [];
  for (let n = 1; n <= pdf.numPages; n++) {
    const content = await (await pdf.getPage(n)).getTextContent();
    out.push({ items: content.items });
  }
  await pdf.destroy();
  return out;
}

/** Lines drawn top-down with normal leading (14 pt for 11 pt text). */
const lines = (texts: string[], top = 780): Draw[] => texts.map((text, i) => ({ text, y: top - i * 14 }));

/** Every mapped character is the character of its item; every non-space character is mapped. */
function expectMapRoundTrip(pages: PdfPageText[]) {
  const { text, map } = assemblePdfText(pages);
  for (let o = 0; o < text.length; o++) {
    const loc = map.locate(o);
    if (!loc) {
      expect(text[o], `offset ${o}`).toMatch(/\s/);
      continue;
    }
    const item = pages[loc.page - 1].items[loc.item] as PdfTextItem;
    expect(item.str[loc.char], `offset ${o}`).toBe(text[o]);
    expect(map.pageOfOffset(o)).toBe(loc.page);
  }
}

describe('assemblePdfText on real PDFs', () => {
  it('joins words hyphenated over a line end, keeps real hyphens', async () => {
    const pages = await pdfPages([
      lines([
        'Enligt social-',
        'tjänstlagen ska nämnden utreda. Hälso-',
        'och sjukvårdslagen gäller också, på individ-, grupp-',
        'och samhällsnivå. Enligt EU-',
        'rätten och 2 kap. 3 a § SoL-',
        'beslut.',
      ]),
    ]);
    const { text } = assemblePdfText(pages);
    expect(text).toBe(
      'Enligt socialtjänstlagen ska nämnden utreda. Hälso-\noch sjukvårdslagen gäller också, på individ-, grupp-\n' +
        'och samhällsnivå. Enligt EU-rätten och 2 kap. 3 a § SoL-beslut.',
    );
    expectMapRoundTrip(pages);
  });

  it('keeps page breaks as line breaks, lists pages without text, maps offsets to pages', async () => {
    const pages = await pdfPages([lines(['Sida ett, rad ett', 'rad två']), [], lines(['Sida tre'])]);
    const { text, map, pagesWithoutText } = assemblePdfText(pages);
    expect(text).toBe('Sida ett, rad ett\nrad två\n\nSida tre');
    expect(pagesWithoutText).toEqual([2]);
    expect(map.pageCount).toBe(3);
    expect(map.pageOfOffset(0)).toBe(1);
    expect(map.pageOfOffset(text.indexOf('rad två'))).toBe(1);
    expect(map.pageOfOffset(text.indexOf('Sida tre'))).toBe(3);
    expect(map.pageOfOffset(text.length)).toBe(3);
    expect(text.slice(map.pageStart(3), map.pageEnd(3))).toBe('Sida tre');
    expect(text.slice(map.pageStart(1), map.pageEnd(1))).toBe('Sida ett, rad ett\nrad två');
    expectMapRoundTrip(pages);
  });

  it('joins a word hyphenated over a page break', async () => {
    const pages = await pdfPages([lines(['Detta följer av social-']), lines(['tjänstlagen.'])]);
    const { text, map } = assemblePdfText(pages);
    expect(text).toBe('Detta följer av socialtjänstlagen.');
    expect(map.pageOfOffset(text.indexOf('tjänst'))).toBe(2);
    expect(map.pageOfOffset(text.indexOf('social'))).toBe(1);
    expectMapRoundTrip(pages);
  });

  it('puts lines in reading order and items left to right with a space for a gap', async () => {
    // Drawn bottom line first, and the right half of the first line before its left half.
    const pages = await pdfPages([
      [
        { text: 'tredje raden', y: 752 },
        { text: '1 § SoL', x: 150, y: 780 },
        { text: 'Enligt 11 kap.', x: 60, y: 780 },
        { text: 'andra raden', y: 766 },
      ],
    ]);
    const { text } = assemblePdfText(pages);
    expect(text).toBe('Enligt 11 kap. 1 § SoL\nandra raden\ntredje raden');
    expectMapRoundTrip(pages);
  });

  it('a gap as wide as a column gutter is three spaces (a two-column head), the columns read as lines in the facts', async () => {
    const pages = await pdfPages([
      [
        { text: 'Socialförvaltningen', y: 780 },
        { text: 'Tjänsteutlåtande', x: 330, y: 780 },
        { text: 'Handläggare', y: 766 },
        { text: 'Till', x: 330, y: 766 },
        { text: 'Anna Lindqvist', y: 752 },
        { text: 'Socialnämnden', x: 330, y: 752 },
      ],
    ]);
    const { text } = assemblePdfText(pages);
    expect(text).toBe('Socialförvaltningen   Tjänsteutlåtande\nHandläggare   Till\nAnna Lindqvist   Socialnämnden');
    expectMapRoundTrip(pages);
    const d = analyzeDocument(`${text}\n\nRiktlinjer för ekonomiskt bistånd\n\nFörslag till beslut\n1. Socialnämnden godkänner riktlinjerna.\n\nBakgrund\nText.\n`).document;
    expect(d.officer?.name).toBe('Anna Lindqvist');
    expect(d.authority).toBe('Socialnämnden');
    expect(d.title).toBe('Riktlinjer för ekonomiskt bistånd');
  });

  it('a larger vertical gap is a paragraph break', async () => {
    const pages = await pdfPages([[{ text: 'Sammanfattning', y: 780 }, { text: 'Första stycket.', y: 752 }, { text: 'fortsätter här.', y: 738 }]]);
    expect(assemblePdfText(pages).text).toBe('Sammanfattning\n\nFörsta stycket.\nfortsätter här.');
  });

  it('locateRange gives the item runs to highlight', async () => {
    const pages = await pdfPages([lines(['Enligt 11 kap. 1 § social-', 'tjänstlagen (2001:453) ska'])]);
    const { text, map } = assemblePdfText(pages);
    const start = text.indexOf('11 kap.');
    const end = text.indexOf(' ska');
    const spans = map.locateRange(start, end);
    expect(spans.length).toBe(2);
    const pieces = spans.map((s) => (pages[s.page - 1].items[s.item] as PdfTextItem).str.slice(s.start, s.end));
    expect(pieces).toEqual(['11 kap. 1 § social', 'tjänstlagen (2001:453)']);
    expect(map.locate(text.indexOf('(2001'))).toMatchObject({ page: 1, char: 'tjänstlagen '.length });
  });
});

describe('assemblePdfText on synthetic items', () => {
  const item = (str: string, x: number, y: number, width = str.length * 5, size = 10): PdfTextItem => ({
    str,
    transform: [size, 0, 0, size, x, y],
    width,
    height: size,
  });

  it('skips marked-content entries but keeps their indices in the map', () => {
    const pages: PdfPageText[] = [{ items: [{ type: 'beginMarkedContent' }, item('Hej', 10, 100), { type: 'endMarkedContent' }] }];
    const { text, map } = assemblePdfText(pages);
    expect(text).toBe('Hej');
    expect(map.locate(0)).toEqual({ page: 1, item: 1, char: 0 });
  });

  it('adds no space between touching items and trims line ends', () => {
    const pages: PdfPageText[] = [{ items: [item('social', 10, 100, 30), item('tjänst ', 40, 100), item('  lagen', 10, 86)] }];
    const { text, map } = assemblePdfText(pages);
    expect(text).toBe('socialtjänst\nlagen');
    expect(map.locate(text.indexOf('lagen'))).toEqual({ page: 1, item: 2, char: 2 });
  });

  it('an empty document', () => {
    const { text, map, pagesWithoutText } = assemblePdfText([]);
    expect(text).toBe('');
    expect(pagesWithoutText).toEqual([]);
    expect(map.pageCount).toBe(0);
    expect(map.locate(0)).toBeNull();
  });
});

describe('lib/pdf is pure', () => {
  it('imports nothing outside its own folder', async () => {
    const dir = fileURLToPath(new URL('../../../lib/pdf/', import.meta.url));
    for (const f of await readdir(dir)) {
      const src = await readFile(`${dir}${f}`, 'utf8');
      const specifiers = [...src.matchAll(/(?:from|import)\s*\(?\s*'([^']+)'/g)].map((m) => m[1]);
      for (const s of specifiers) expect(s, `${f}: ${s}`).toMatch(/^\.\//);
      expect(src, f).not.toMatch(/\b(document|window|process|require)\b\s*[.(]/);
    }
  });
});
