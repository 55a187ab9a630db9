/**
 * File → text for the command line. Every failure is a `ReadError` with a
 * short Swedish reason, printed as `remisskollen: <file>: <reason>`.
 *
 * txt/md: UTF-8 (BOM stripped; NUL bytes or invalid UTF-8 rejected), html:
 * visible text only, docx: mammoth (via its HTML, which keeps manual line breaks), pdf: pdf.js (legacy build, the
 * modern one needs a newer Node) assembled by `lib/pdf`, `-`: standard input
 * (format sniffed from the bytes).
 */
import { readFile, stat } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, extname, join, sep } from 'node:path';
import { assemblePdfText } from '../lib/pdf';
import type { PdfPageText } from '../lib/pdf';

export class ReadError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ReadError';
  }
}

export type InputFormat = 'text' | 'html' | 'pdf' | 'docx';

export interface ReadResult {
  text: string;
  format: InputFormat;
  /** Things worth telling the user that do not stop the analysis (Swedish). */
  warnings: string[];
}

export const MESSAGES = {
  missing: 'filen finns inte',
  directory: 'är en katalog, inte en fil',
  noAccess: 'filen kan inte läsas (behörighet saknas)',
  empty: 'filen är tom',
  binary: 'filen är binär och inte text',
  notUtf8: 'filen är inte giltig UTF-8-text (spara om den som UTF-8)',
  unknownFormat: 'okänt filformat (använd .txt, .md, .html, .pdf eller .docx)',
  pdfEncrypted: 'PDF-filen är lösenordsskyddad',
  pdfCorrupt: 'PDF-filen är skadad eller ofullständig',
  notPdf: 'filen är ingen PDF (den saknar PDF-huvud) fast den heter .pdf',
  pdfNoText: 'PDF-filen saknar textlager (inskannad?) – kör OCR (textigenkänning) först',
  docxCorrupt: 'Word-filen är skadad eller inte en .docx-fil',
  readFailed: 'filen kunde inte läsas',
} as const;

const EXTENSIONS: Record<string, InputFormat> = {
  '.txt': 'text',
  '.text': 'text',
  '.md': 'text',
  '.markdown': 'text',
  '.html': 'html',
  '.htm': 'html',
  '.xhtml': 'html',
  '.pdf': 'pdf',
  '.docx': 'docx',
};

/** The format a path's extension names, or null. */
export function formatOfPath(path: string): InputFormat | null {
  return EXTENSIONS[extname(path).toLowerCase()] ?? null;
}

const startsWith = (bytes: Uint8Array, magic: string): boolean =>
  bytes.length >= magic.length && [...magic].every((c, i) => bytes[i] === c.charCodeAt(0));

/** Format guessed from content (stdin, unknown extensions). */
export function sniffFormat(bytes: Uint8Array): InputFormat | null {
  if (startsWith(bytes, '%PDF-')) return 'pdf';
  if (startsWith(bytes, 'PK\u0003\u0004')) return 'docx';
  const head = new TextDecoder('utf-8').decode(bytes.subarray(0, 512)).replace(/^\uFEFF/, '').trimStart().toLowerCase();
  if (head.startsWith('<!doctype html') || head.startsWith('<html') || /^<(head|body|meta|p|div|h1)\b/.test(head)) return 'html';
  return null;
}

/** UTF-8 bytes → string; BOM stripped; binary and invalid UTF-8 rejected. */
export function decodeText(bytes: Uint8Array): string {
  if (bytes.length === 0) throw new ReadError(MESSAGES.empty);
  if (bytes.includes(0)) throw new ReadError(MESSAGES.binary);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    throw new ReadError(looksBinary(bytes) ? MESSAGES.binary : MESSAGES.notUtf8);
  }
  text = text.replace(/^\uFEFF/, '');
  // Control characters other than tab, line breaks and form feed mean binary data.
  let controls = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c < 0x20 && c !== 9 && c !== 10 && c !== 12 && c !== 13 && c !== 27) || c === 0x7f) controls++;
  }
  if (controls > 0 && controls > text.length / 100) throw new ReadError(MESSAGES.binary);
  if (text.trim() === '') throw new ReadError(MESSAGES.empty);
  return text;
}

/** Many control bytes (not tab/CR/LF/FF/ESC) → binary rather than text in another encoding. */
function looksBinary(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 4096);
  let controls = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i];
    if (b < 0x20 && b !== 9 && b !== 10 && b !== 12 && b !== 13 && b !== 27) controls++;
  }
  return controls > n / 50;
}

// ---------------------------------------------------------------- HTML

const SKIPPED = new Set([
  'script', 'style', 'noscript', 'template', 'head', 'title', 'svg', 'math', 'iframe', 'object',
  'canvas', 'audio', 'video', 'select', 'button', 'textarea', 'datalist',
]);
/** Block elements separated by one line break. */
const BLOCK = new Set([
  'address', 'article', 'aside', 'blockquote', 'dd', 'details', 'dialog', 'div', 'dl', 'dt', 'fieldset',
  'figcaption', 'figure', 'footer', 'form', 'header', 'hgroup', 'li', 'main', 'nav', 'ol', 'section',
  'summary', 'table', 'tbody', 'thead', 'tfoot', 'tr', 'ul', 'caption', 'body', 'html', 'legend', 'option',
]);
/** Block elements separated by a blank line (paragraphs and headings). */
const PARAGRAPH = new Set(['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'pre', 'hr']);
const CELL = new Set(['td', 'th']);

/**
 * The visible text of an HTML document: scripts, styles, `head`, `hidden`
 * and `display:none` elements dropped; whitespace collapsed as a browser
 * does; block elements give line breaks, paragraphs and headings a blank line;
 * `<br>` a line break; entities decoded.
 */
export async function htmlToText(html: string): Promise<string> {
  const { Parser } = await import('htmlparser2');
  let out = '';
  let pending = 0; // line breaks owed before the next text
  let skipDepth = 0;
  let preDepth = 0;
  const stack: boolean[] = []; // per open element: does it start a skipped subtree?
  const need = (n: number) => {
    if (out.length > 0) pending = Math.max(pending, n);
  };
  const emit = (s: string) => {
    if (s === '') return;
    if (preDepth === 0 && /^\s+$/.test(s) && (pending > 0 || out === '' || /\s$/.test(out))) return;
    if (pending > 0) {
      out = out.replace(/[ \t]+$/, '');
      // `<br>` already wrote line breaks: count them.
      const have = /\n*$/.exec(out)?.[0].length ?? 0;
      out += '\n'.repeat(Math.max(0, pending - have));
      pending = 0;
    }
    if (preDepth === 0 && /\n$/.test(out)) s = s.replace(/^ +/, '');
    if (preDepth === 0 && out === '') s = s.replace(/^ +/, '');
    if (preDepth === 0 && / $/.test(out)) s = s.replace(/^ +/, '');
    out += s;
  };
  const parser = new Parser(
    {
      onopentag(name, attrs) {
        const hidden =
          'hidden' in attrs ||
          /(^|;)\s*display\s*:\s*none/i.test(attrs.style ?? '') ||
          (name === 'input' && (attrs.type ?? '').toLowerCase() === 'hidden');
        const skip = SKIPPED.has(name) || hidden;
        stack.push(skip);
        if (skip) skipDepth++;
        if (skipDepth > 0) return;
        if (name === 'pre') preDepth++;
        if (PARAGRAPH.has(name)) need(2);
        else if (BLOCK.has(name)) need(1);
        else if (CELL.has(name)) {
          if (out.length > 0 && !/[\n\t]$/.test(out) && pending === 0) out = out.replace(/ +$/, '') + '\t';
        } else if (name === 'br') {
          out = out.replace(/[ \t]+$/, '');
          if (pending > 0) emit('');
          out += '\n';
        }
      },
      ontext(data) {
        if (skipDepth > 0) return;
        emit(preDepth > 0 ? data : data.replace(/[ \t\n\r\f]+/g, ' '));
      },
      onclosetag(name) {
        const skip = stack.pop() ?? false;
        if (skip) {
          skipDepth--;
          return;
        }
        if (skipDepth > 0) return;
        if (name === 'pre') preDepth--;
        if (PARAGRAPH.has(name)) need(2);
        else if (BLOCK.has(name)) need(1);
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );
  parser.write(html);
  parser.end();
  return out
    .split('\n')
    .map((l) => l.replace(/[ \t]+$/, ''))
    .join('\n')
    .replace(/^\n+/, '')
    .replace(/\n*$/, '\n')
    .replace(/^\n$/, '');
}

// ---------------------------------------------------------------- PDF

type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');
let pdfjsPromise: Promise<PdfJs> | null = null;
const loadPdfJs = (): Promise<PdfJs> => (pdfjsPromise ??= import('pdfjs-dist/legacy/build/pdf.mjs'));

function pdfjsAssetDir(sub: string): string {
  const require = createRequire(import.meta.url);
  const root = dirname(require.resolve('pdfjs-dist/package.json'));
  return join(root, sub) + sep;
}

export interface PdfReadResult {
  text: string;
  pages: PdfPageText[];
  pagesWithoutText: number[];
  pageCount: number;
}

/** Reads a PDF's text layer (every page) with pdf.js. */
export async function readPdf(bytes: Uint8Array): Promise<PdfReadResult> {
  if (bytes.length === 0) throw new ReadError(MESSAGES.empty);
  // pdf.js finds a header up to 1024 bytes in; so do we.
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 1024));
  if (!head.includes('%PDF-')) throw new ReadError(MESSAGES.notPdf);
  const pdfjs = await loadPdfJs();
  const task = pdfjs.getDocument({
    // pdf.js takes ownership of (transfers) the buffer: give it a copy.
    data: new Uint8Array(bytes),
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    useWorkerFetch: false,
    stopAtErrors: false,
    verbosity: 0,
    standardFontDataUrl: pdfjsAssetDir('standard_fonts'),
    cMapUrl: pdfjsAssetDir('cmaps'),
    cMapPacked: true,
    wasmUrl: pdfjsAssetDir('wasm'),
    iccUrl: pdfjsAssetDir('iccs'),
  });
  let doc: Awaited<typeof task.promise>;
  try {
    doc = await task.promise;
  } catch (e) {
    await task.destroy().catch(() => {});
    const name = (e as { name?: string } | null)?.name ?? '';
    if (name === 'PasswordException') throw new ReadError(MESSAGES.pdfEncrypted);
    throw new ReadError(MESSAGES.pdfCorrupt);
  }
  try {
    const pages: PdfPageText[] = [];
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const content = await page.getTextContent();
      pages.push({ items: content.items });
      page.cleanup();
    }
    const assembled = assemblePdfText(pages);
    return { text: assembled.text, pages, pagesWithoutText: assembled.pagesWithoutText, pageCount: doc.numPages };
  } catch (e) {
    if (e instanceof ReadError) throw e;
    throw new ReadError(MESSAGES.pdfCorrupt);
  } finally {
    await doc.destroy().catch(() => {});
  }
}

/** A complete PDF ends with `%%EOF` near its end; a truncated download does not. */
function pdfLooksTruncated(bytes: Uint8Array): boolean {
  const tail = new TextDecoder('latin1').decode(bytes.subarray(Math.max(0, bytes.length - 2048)));
  return !tail.includes('%%EOF');
}

// ---------------------------------------------------------------- DOCX

export async function readDocx(bytes: Uint8Array): Promise<string> {
  if (bytes.length === 0) throw new ReadError(MESSAGES.empty);
  if (!startsWith(bytes, 'PK')) throw new ReadError(MESSAGES.docxCorrupt);
  const mammoth = (await import('mammoth')).default;
  // Not extractRawText: it drops manual line breaks (<w:br/>, Shift+Enter) and glues the words
  // on both sides together ("Handläggare" + "Linda Lindblom"). Mammoth's HTML keeps them as <br>,
  // and the HTML reader turns paragraphs into blank-line-separated blocks, as extractRawText does.
  let html: string;
  try {
    ({ value: html } = await mammoth.convertToHtml({ buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) }));
  } catch {
    throw new ReadError(MESSAGES.docxCorrupt);
  }
  return htmlToText(html);
}

// ---------------------------------------------------------------- entry points

/** Bytes → text in the given format. */
export async function readBytes(bytes: Uint8Array, format: InputFormat): Promise<ReadResult> {
  if (bytes.length === 0) throw new ReadError(MESSAGES.empty);
  const warnings: string[] = [];
  let text: string;
  switch (format) {
    case 'text':
      text = decodeText(bytes);
      break;
    case 'html':
      text = await htmlToText(decodeText(bytes));
      break;
    case 'docx':
      text = await readDocx(bytes);
      break;
    case 'pdf': {
      const pdf = await readPdf(bytes);
      if (pdf.text.trim() === '') {
        throw new ReadError(pdfLooksTruncated(bytes) ? MESSAGES.pdfCorrupt : MESSAGES.pdfNoText);
      }
      if (pdfLooksTruncated(bytes)) throw new ReadError(MESSAGES.pdfCorrupt);
      if (pdf.pagesWithoutText.length > 0) {
        const list = pdf.pagesWithoutText.join(', ');
        warnings.push(
          `varning: ${pdf.pagesWithoutText.length === 1 ? 'sidan' : 'sidorna'} ${list} saknar text (inskannad?) och analyseras inte`,
        );
      }
      text = pdf.text;
      break;
    }
  }
  if (text.trim() === '') throw new ReadError(MESSAGES.empty);
  return { text, format, warnings };
}

async function readStdin(): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return new Uint8Array(Buffer.concat(chunks));
}

/** Reads one command-line input (a path or `-`). Throws `ReadError` with the Swedish reason. */
export async function readInput(file: string): Promise<ReadResult> {
  if (file === '-') {
    const bytes = await readStdin();
    if (bytes.length === 0) throw new ReadError(MESSAGES.empty);
    return readBytes(bytes, sniffFormat(bytes) ?? 'text');
  }
  let bytes: Uint8Array;
  try {
    const st = await stat(file);
    if (st.isDirectory()) throw new ReadError(MESSAGES.directory);
    bytes = await readFile(file);
  } catch (e) {
    if (e instanceof ReadError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') throw new ReadError(MESSAGES.missing);
    if (code === 'EACCES' || code === 'EPERM') throw new ReadError(MESSAGES.noAccess);
    if (code === 'EISDIR') throw new ReadError(MESSAGES.directory);
    throw new ReadError(MESSAGES.readFailed);
  }
  if (bytes.length === 0) throw new ReadError(MESSAGES.empty);
  const format = formatOfPath(file) ?? sniffFormat(bytes);
  if (!format) throw new ReadError(MESSAGES.unknownFormat);
  return readBytes(bytes, format);
}
