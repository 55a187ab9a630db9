/**
 * A dropped or picked file → text, in the browser (side panel, extension pages).
 * .txt/.md: UTF-8; .docx: mammoth (its HTML, so manual line breaks survive, as in
 * the CLI); .pdf: pdf.js (no eval, worker bundled, nothing from the network)
 * assembled by lib/pdf. Errors are DraftFileError with a Swedish message.
 */
import { browser } from 'wxt/browser';
import { isMarkdownName, stripMarkdownHeadings } from '@/lib/checks/markdown';
import { assemblePdfText, type PdfPageText } from '@/lib/pdf';

export class DraftFileError extends Error {
  override name = 'DraftFileError';
}

export const DRAFT_FILE_ACCEPT = '.docx,.pdf,.txt,.md,.markdown,text/plain,text/markdown,application/pdf,application/vnd.openxmlformats-officedocument.wordprocessingml.document';

type Format = 'text' | 'docx' | 'pdf';

function formatOf(file: File, bytes: Uint8Array): Format | null {
  const name = file.name.toLowerCase();
  if (bytes[0] === 0x25 && bytes[1] === 0x50 && bytes[2] === 0x44 && bytes[3] === 0x46) return 'pdf'; // %PDF
  if (/\.docx$/.test(name)) return 'docx';
  if (/\.pdf$/.test(name)) return 'pdf';
  if (/\.(txt|md|markdown|text)$/.test(name) || file.type.startsWith('text/')) return 'text';
  return null;
}

function decodeUtf8(bytes: Uint8Array): string {
  if (bytes.includes(0)) throw new DraftFileError('Filen är binär och inte text.');
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '');
  } catch {
    throw new DraftFileError('Filen är inte giltig UTF-8-text (spara om den som UTF-8).');
  }
}

const PARAGRAPH = new Set(['P', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'LI', 'TABLE', 'TR', 'BLOCKQUOTE', 'UL', 'OL', 'DIV']);

/** Mammoth's HTML → text: paragraphs separated by a blank line, <br> as a line break, table cells by tabs. */
export function htmlToDraftText(html: string): string {
  const doc = new DOMParser().parseFromString(`<body>${html}</body>`, 'text/html');
  const blocks: string[] = [];
  let line = '';
  const flush = () => {
    const t = line.replace(/[ \t]+\n/g, '\n').replace(/[ \t]+$/g, '').trim();
    if (t) blocks.push(t);
    line = '';
  };
  const walk = (node: Node) => {
    for (const child of node.childNodes) {
      if (child.nodeType === Node.TEXT_NODE) line += (child.textContent ?? '').replace(/\s+/g, ' ');
      else if (child instanceof HTMLElement) {
        if (child.tagName === 'BR') line += '\n';
        else if (child.tagName === 'TD' || child.tagName === 'TH') {
          walk(child);
          line += '\t';
        } else if (PARAGRAPH.has(child.tagName)) {
          flush();
          walk(child);
          flush();
        } else walk(child);
      }
    }
  };
  walk(doc.body);
  flush();
  return blocks.join('\n\n');
}

async function readDocx(bytes: Uint8Array): Promise<string> {
  const mammoth = (await import('mammoth')).default;
  try {
    const arrayBuffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
    const { value } = await mammoth.convertToHtml({ arrayBuffer });
    return htmlToDraftText(value);
  } catch {
    throw new DraftFileError('Word-filen är skadad eller inte en .docx-fil.');
  }
}

async function readPdf(bytes: Uint8Array): Promise<string> {
  const pdfjs = await import('pdfjs-dist');
  const { default: workerUrl } = await import('pdfjs-dist/build/pdf.worker.min.mjs?url');
  pdfjs.GlobalWorkerOptions.workerSrc = workerUrl;
  const assets = (dir: string) => (browser.runtime.getURL as (p: string) => string)(`/pdfjs/${dir}/`);
  const task = pdfjs.getDocument({
    data: bytes.slice(),
    isEvalSupported: false,
    cMapUrl: assets('cmaps'),
    cMapPacked: true,
    standardFontDataUrl: assets('standard_fonts'),
    useSystemFonts: false,
    enableXfa: false,
    verbosity: 0,
  });
  try {
    const doc = await task.promise;
    const pages: PdfPageText[] = [];
    for (let i = 1; i <= doc.numPages; i++) {
      const page = await doc.getPage(i);
      pages.push((await page.getTextContent()) as unknown as PdfPageText);
    }
    await doc.destroy();
    const { text } = assemblePdfText(pages);
    if (!text.trim()) throw new DraftFileError('PDF-filen saknar textlager (inskannad?) – kör OCR (textigenkänning) först.');
    return text;
  } catch (e) {
    if (e instanceof DraftFileError) throw e;
    if ((e as { name?: string }).name === 'PasswordException') throw new DraftFileError('PDF-filen är lösenordsskyddad.');
    throw new DraftFileError('PDF-filen är skadad eller ofullständig.');
  }
}

/** The text of a .docx, .pdf, .txt or .md file. */
export async function readDraftFile(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  if (bytes.length === 0) throw new DraftFileError('Filen är tom.');
  const format = formatOf(file, bytes);
  if (format === null) throw new DraftFileError('Okänt filformat: använd .docx, .pdf, .txt eller .md.');
  if (format === 'text') {
    const text = decodeUtf8(bytes);
    // "## Bakgrund" → "Bakgrund": a heading line the engine knows
    return isMarkdownName(file.name) ? stripMarkdownHeadings(text) : text;
  }
  if (format === 'docx') return readDocx(bytes);
  return readPdf(bytes);
}
