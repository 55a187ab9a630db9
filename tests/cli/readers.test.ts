import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { decodeText, htmlToText, MESSAGES, readBytes, readInput, sniffFormat } from '../../cli/readers';
import { blocksText, makeSamples, seedBlocks } from '../../scripts/make-samples';
import type { Samples } from '../../scripts/make-samples';

const SEEDS_DIR = fileURLToPath(new URL('../fixtures/seeds/', import.meta.url));
const enc = (s: string) => new Uint8Array(Buffer.from(s, 'utf8'));
const norm = (s: string) => s.replace(/\s+/g, ' ').trim();

let samples: Samples;
beforeAll(async () => {
  samples = await makeSamples();
}, 30_000);

describe('text files', () => {
  it('strip a BOM and keep the text exactly', () => {
    expect(decodeText(enc('\uFEFFHej\r\nvärlden\n'))).toBe('Hej\r\nvärlden\n');
  });
  it('refuse NUL bytes, invalid UTF-8 and whitespace only', () => {
    expect(() => decodeText(new Uint8Array([72, 0, 105]))).toThrow(MESSAGES.binary);
    expect(() => decodeText(new Uint8Array(Buffer.from('förvaltning', 'latin1')))).toThrow(MESSAGES.notUtf8);
    expect(() => decodeText(enc(' \n\t\n'))).toThrow(MESSAGES.empty);
    expect(() => decodeText(new Uint8Array(0))).toThrow(MESSAGES.empty);
  });
});

describe('HTML: visible text only', () => {
  it('drops head, scripts, styles, noscript, template and hidden elements; decodes entities', async () => {
    const html = `<!DOCTYPE html><html><head><title>Titel i fliken</title><style>p{color:red}</style>
      <script>var x = "<p>inte text</p>";</script></head>
      <body><h1>Svar p&aring; remiss</h1>
      <p>Enligt 11&nbsp;kap. 1 &sect; SoL &amp;   prop.
         2000/01:80.</p><noscript>Slå på JavaScript</noscript><template><p>mall</p></template>
      <div hidden>dold</div><p style="display: none">också dold</p>
      <ul><li>Första</li><li>Andra</li></ul>
      <p>Rad ett<br>Rad två<br/>Rad tre</p>
      <div>Block<div>inuti</div>efter</div>
      <table><tr><td>A</td><td>B</td></tr><tr><td>C</td><td>D</td></tr></table>
      <pre>  förformaterad
    text</pre><p>Slut</p>
      <script>document.write('nej')</script></body></html>`;
    expect(await htmlToText(html)).toBe(
      'Svar på remiss\n\nEnligt 11\u00A0kap. 1 § SoL & prop. 2000/01:80.\n\nFörsta\nAndra\n\nRad ett\nRad två\nRad tre\n\n' +
        'Block\ninuti\nefter\nA\tB\nC\tD\n\n  förformaterad\n    text\n\nSlut\n',
    );
  });

  it('gives the seed text back from the HTML sample (blocks and line breaks)', async () => {
    for (const s of samples.seeds) {
      const seed = await readFile(`${SEEDS_DIR}${s.name}.txt`, 'utf8');
      const { text, format } = await readInput(s.html);
      expect(format).toBe('html');
      expect(text).toBe(`${blocksText(seedBlocks(seed))}\n`);
    }
  });

  it('HTML headings: the seeds have a <h1> and <h2> sections', async () => {
    const html = await readFile(samples.seeds[0].html, 'utf8');
    expect(html).toMatch(/<html lang="sv">/);
    expect(html).toContain('<h1>Återinför Vällingbyteamet – motion från (L)</h1>');
    expect(html).toContain('<h2>Sammanfattning</h2>');
  });
});

describe('Word and PDF samples', () => {
  it('the .docx gives the seed text back, line breaks included', async () => {
    for (const s of samples.seeds) {
      const seed = await readFile(`${SEEDS_DIR}${s.name}.txt`, 'utf8');
      const { text, format } = await readInput(s.docx);
      expect(format).toBe('docx');
      expect(text).toBe(`${blocksText(seedBlocks(seed))}\n`);
    }
  });

  it('the PDFs give the seed words back; the OCR seed keeps its damage and its layout', async () => {
    for (const s of samples.seeds) {
      const seed = await readFile(`${SEEDS_DIR}${s.name}.txt`, 'utf8');
      const { text, format } = await readInput(s.pdf);
      expect(format).toBe('pdf');
      expect(norm(text)).toBe(norm(seed));
      if (s.name.includes('socialnamnden')) {
        expect(text).toBe(blocksText(seedBlocks(seed)));
        expect(text).toContain('Socialndmnden godkénner forvaltningens tjdnsteutldtande som svar\npa remissen.');
        expect(text).toContain('pa individ-, grupp-\noch samhillsniva');
      }
    }
  });

  it('the PDFs have several pages', async () => {
    const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
    for (const s of samples.seeds) {
      const doc = await pdfjs.getDocument({ data: new Uint8Array(await readFile(s.pdf)), isEvalSupported: false, verbosity: 0 }).promise;
      expect(doc.numPages).toBeGreaterThan(1);
      await doc.destroy();
    }
  });

  it('a PDF with some pages without text is read, with a warning naming the pages', async () => {
    const { PDFDocument, StandardFonts } = await import('pdf-lib');
    const doc = await PDFDocument.create();
    const font = await doc.embedFont(StandardFonts.Helvetica);
    doc.addPage().drawText('Sida ett', { x: 50, y: 700, size: 12, font });
    doc.addPage().drawRectangle({ x: 50, y: 50, width: 200, height: 200 });
    doc.addPage().drawText('Sida tre', { x: 50, y: 700, size: 12, font });
    const read = await readBytes(await doc.save(), 'pdf');
    expect(read.text).toBe('Sida ett\n\nSida tre');
    expect(read.warnings).toEqual(['varning: sidan 2 saknar text (inskannad?) och analyseras inte']);
  });

  it('a corrupt .docx is refused', async () => {
    await expect(readBytes(enc('PK\u0003\u0004trasig'), 'docx')).rejects.toThrow(MESSAGES.docxCorrupt);
  });
});

describe('format sniffing (standard input)', () => {
  it('knows PDF, DOCX and HTML by their first bytes', async () => {
    expect(sniffFormat(new Uint8Array(await readFile(samples.seeds[0].pdf)))).toBe('pdf');
    expect(sniffFormat(new Uint8Array(await readFile(samples.seeds[0].docx)))).toBe('docx');
    expect(sniffFormat(enc('\uFEFF  <!doctype html><p>x'))).toBe('html');
    expect(sniffFormat(enc('Svar på remiss'))).toBe(null);
  });
});
