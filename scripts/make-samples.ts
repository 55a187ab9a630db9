/**
 * Sample documents made from the seed fixtures, into `.tmp/samples/` (gitignored):
 *
 *   <seed>.txt   the seed as is
 *   <seed>.html  a Swedish HTML page: standalone heading-like lines as <h1>/<h2>, the rest as <p>
 *                (the seed's line breaks kept with <br>, so the visible text is the seed's text)
 *   <seed>.pdf   a real A4 PDF (pdf-lib, Helvetica/WinAnsi, wrapped lines, several pages);
 *                the OCR'd seed keeps its damaged text
 *   <seed>.docx  a minimal Word document (one paragraph per block)
 *   index.html   links to all of them
 *   bad/         inputs the CLI must refuse: empty.txt, binary.txt, latin1.txt, corrupt.pdf,
 *                not-a-pdf.pdf, scanned.pdf, encrypted.pdf
 *
 * Deterministic and idempotent: the same bytes every run, written atomically
 * (temp file + rename) so parallel test workers can call it at once.
 *
 *   npx tsx scripts/make-samples.ts [OUTDIR]
 */
import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, rename, writeFile } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { PDFDocument, StandardFonts, rgb } from 'pdf-lib';
import type { PDFFont } from 'pdf-lib';

export const SEEDS_DIR = fileURLToPath(new URL('../tests/fixtures/seeds/', import.meta.url));
export const DEFAULT_OUT_DIR = fileURLToPath(new URL('../.tmp/samples/', import.meta.url));

export interface SampleSet {
  name: string;
  txt: string;
  html: string;
  pdf: string;
  docx: string;
}

export interface Samples {
  dir: string;
  index: string;
  seeds: SampleSet[];
  /** The HTML samples as paths relative to `dir` with "/" (URL paths for a server on `dir`). */
  pages: string[];
  bad: {
    empty: string;
    binary: string;
    latin1: string;
    corruptPdf: string;
    notAPdf: string;
    scannedPdf: string;
    encryptedPdf: string;
  };
}

// ------------------------------------------------------------------ blocks

export interface Block {
  kind: 'h1' | 'h2' | 'p';
  lines: string[];
}

/** A seed as blocks: separated by blank lines, lines trimmed, runs of spaces collapsed. */
export function seedBlocks(text: string): Block[] {
  const raw = text
    .replace(/\r\n?/g, '\n')
    .split(/\n[ \t]*\n/)
    .map((b) =>
      b
        .split('\n')
        .map((l) => l.replace(/[ \t]+/g, ' ').trim())
        .filter((l) => l !== ''),
    )
    .filter((lines) => lines.length > 0);
  let seenH1 = false;
  return raw.map((lines, i): Block => {
    const headingLike = (l: string) =>
      l.length <= 90 && /^\p{Lu}/u.test(l) && !/[.,;:]$/.test(l) && !/^(Handläggare|Till|Telefon)\b/.test(l);
    // The title: the first block of at most two short lines, or the first standalone heading-like line.
    const titleBlock = i === 0 && lines.length <= 2 && lines.every((l) => l.length <= 60 && !/[.,;:]$/.test(l));
    if (!seenH1 && (titleBlock || (lines.length === 1 && headingLike(lines[0]) && lines[0].length > 20))) {
      seenH1 = true;
      return { kind: 'h1', lines };
    }
    if (lines.length === 1 && headingLike(lines[0]) && lines[0].split(' ').length <= 8) return { kind: 'h2', lines };
    return { kind: 'p', lines };
  });
}

/** The text the HTML and DOCX samples give back: blocks by blank lines, lines by line breaks. */
export function blocksText(blocks: Block[]): string {
  return blocks.map((b) => b.lines.join('\n')).join('\n\n');
}

// ------------------------------------------------------------------ HTML

const escapeHtml = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export function seedHtml(name: string, text: string): string {
  const blocks = seedBlocks(text);
  const title = blocks.find((b) => b.kind === 'h1')?.lines.join(' ') ?? name;
  const body = blocks
    .map((b) => `<${b.kind}>${b.lines.map(escapeHtml).join('<br>\n')}</${b.kind}>`)
    .join('\n');
  return `<!DOCTYPE html>
<html lang="sv">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>
  body { font-family: Georgia, serif; max-width: 42rem; margin: 2rem auto; padding: 0 1rem; line-height: 1.5; }
  h1 { font-size: 1.5rem; } h2 { font-size: 1.15rem; margin-top: 1.5rem; }
</style>
</head>
<body>
<main>
${body}
</main>
</body>
</html>
`;
}

// ------------------------------------------------------------------ PDF

const A4: [number, number] = [595.28, 841.89];
const MARGIN = 60;

/** Text Helvetica/WinAnsi can draw: characters it cannot encode are mapped (dashes, spaces) or stripped of accents. */
function winAnsiMapper(font: PDFFont): (s: string) => string {
  const charset = new Set(font.getCharacterSet());
  const SUBST: Record<string, string> = {
    '\u2010': '-', '\u2011': '-', '\u2012': '-', '\u2212': '-', '\u2009': ' ', '\u200A': ' ', '\u202F': ' ',
    '\u2007': ' ', '\t': ' ', '\u2032': "'", '\u2033': '"', '\u2044': '/',
  };
  return (s) =>
    [...s]
      .map((ch) => {
        if (charset.has(ch.codePointAt(0)!)) return ch;
        if (SUBST[ch]) return SUBST[ch];
        const plain = ch.normalize('NFD').replace(/\p{M}/gu, '');
        return [...plain].every((c) => charset.has(c.codePointAt(0)!)) ? plain : '?';
      })
      .join('');
}

/** Splits a line into lines that fit `width` (at spaces; a word longer than the line is cut). */
function wrap(line: string, font: PDFFont, size: number, width: number): string[] {
  if (font.widthOfTextAtSize(line, size) <= width) return [line];
  const out: string[] = [];
  let current = '';
  for (const word of line.split(' ')) {
    const candidate = current === '' ? word : `${current} ${word}`;
    if (font.widthOfTextAtSize(candidate, size) <= width) current = candidate;
    else {
      if (current !== '') out.push(current);
      current = word;
      while (font.widthOfTextAtSize(current, size) > width && current.length > 1) {
        let cut = current.length - 1;
        while (cut > 1 && font.widthOfTextAtSize(current.slice(0, cut), size) > width) cut--;
        out.push(current.slice(0, cut));
        current = current.slice(cut);
      }
    }
  }
  if (current !== '') out.push(current);
  return out;
}

const FIXED_DATE = new Date('2024-01-01T00:00:00Z');

async function newPdf(title: string): Promise<PDFDocument> {
  const doc = await PDFDocument.create({ updateMetadata: false });
  doc.setTitle(title);
  doc.setLanguage('sv-SE');
  doc.setCreator('Remisskollen scripts/make-samples.ts');
  doc.setProducer('pdf-lib');
  doc.setCreationDate(FIXED_DATE);
  doc.setModificationDate(FIXED_DATE);
  return doc;
}

/** Draws paragraphs (blocks of lines) on A4 pages; a blank line between blocks. */
export async function textPdf(title: string, blocks: Block[]): Promise<Uint8Array> {
  const doc = await newPdf(title);
  const regular = await doc.embedFont(StandardFonts.Helvetica);
  const bold = await doc.embedFont(StandardFonts.HelveticaBold);
  const map = winAnsiMapper(regular);
  const width = A4[0] - 2 * MARGIN;
  let page = doc.addPage(A4);
  let y = A4[1] - MARGIN;
  blocks.forEach((block, bi) => {
    const font = block.kind === 'p' ? regular : bold;
    const size = block.kind === 'h1' ? 15 : block.kind === 'h2' ? 12.5 : 11;
    const leading = size * 1.3;
    if (bi > 0) y -= leading; // the blank line between blocks
    for (const line of block.lines) {
      for (const part of wrap(map(line), font, size, width)) {
        if (y - leading < MARGIN) {
          page = doc.addPage(A4);
          y = A4[1] - MARGIN;
        }
        y -= leading;
        page.drawText(part, { x: MARGIN, y, size, font, color: rgb(0, 0, 0) });
      }
    }
  });
  return doc.save({ useObjectStreams: false });
}

/** A "scanned" page: drawn shapes only, no text layer. */
async function scannedPdf(): Promise<Uint8Array> {
  const doc = await newPdf('Inskannad sida');
  const page = doc.addPage(A4);
  page.drawRectangle({ x: 40, y: 40, width: A4[0] - 80, height: A4[1] - 80, color: rgb(0.96, 0.95, 0.92) });
  for (let i = 0; i < 40; i++) {
    const y = A4[1] - 100 - i * 16;
    page.drawRectangle({ x: 70, y, width: 300 + ((i * 97) % 150), height: 7, color: rgb(0.2, 0.2, 0.2) });
  }
  return doc.save({ useObjectStreams: false });
}

// ------------------------------------------------------------------ encrypted PDF (standard security handler, RC4 40-bit, R2)

/** RC4 (Node's OpenSSL 3 no longer offers it by default). */
function rc4(key: Uint8Array, data: Uint8Array): Buffer {
  const s = Array.from({ length: 256 }, (_, i) => i);
  for (let i = 0, j = 0; i < 256; i++) {
    j = (j + s[i] + key[i % key.length]) & 255;
    [s[i], s[j]] = [s[j], s[i]];
  }
  const out = Buffer.alloc(data.length);
  for (let n = 0, i = 0, j = 0; n < data.length; n++) {
    i = (i + 1) & 255;
    j = (j + s[i]) & 255;
    [s[i], s[j]] = [s[j], s[i]];
    out[n] = data[n] ^ s[(s[i] + s[j]) & 255];
  }
  return out;
}

const md5 = (...parts: Uint8Array[]) => {
  const h = createHash('md5');
  for (const p of parts) h.update(p);
  return h.digest();
};

/** A one-page PDF encrypted with user password "hemlig" (pdf.js asks for the password). */
export function encryptedPdf(userPassword = 'hemlig', ownerPassword = 'agare'): Uint8Array {
  const PAD = Buffer.from('28BF4E5E4E758A4164004E56FFFA01082E2E00B6D0683E802F0CA9FE6453697A', 'hex');
  const padded = (pw: string) => Buffer.concat([Buffer.from(pw, 'latin1'), PAD]).subarray(0, 32);
  const P = -44;
  const pBytes = Buffer.alloc(4);
  pBytes.writeInt32LE(P);
  const id = md5(Buffer.from('remisskollen-encrypted-sample'));
  const O = rc4(md5(padded(ownerPassword)).subarray(0, 5), padded(userPassword));
  const key = md5(padded(userPassword), O, pBytes, id).subarray(0, 5);
  const U = rc4(key, PAD);
  const objectKey = (num: number, gen: number) =>
    md5(key, Buffer.from([num & 255, (num >> 8) & 255, (num >> 16) & 255, gen & 255, (gen >> 8) & 255])).subarray(0, 10);

  const content = Buffer.from('BT /F1 14 Tf 72 770 Td (Hemlig handling enligt 2 kap. 1 \\247 socialtj\\344nstlagen) Tj ET\n', 'latin1');
  const stream = rc4(objectKey(4, 0), content);
  const objects: Buffer[] = [
    Buffer.from('<< /Type /Catalog /Pages 2 0 R >>'),
    Buffer.from('<< /Type /Pages /Kids [3 0 R] /Count 1 >>'),
    Buffer.from('<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>'),
    Buffer.concat([Buffer.from(`<< /Length ${stream.length} >>\nstream\n`), stream, Buffer.from('\nendstream')]),
    Buffer.from('<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>'),
    Buffer.from(`<< /Filter /Standard /V 1 /R 2 /Length 40 /O <${O.toString('hex')}> /U <${U.toString('hex')}> /P ${P} >>`),
  ];
  const parts: Buffer[] = [Buffer.from('%PDF-1.4\n%\xE2\xE3\xCF\xD3\n', 'latin1')];
  let length = parts[0].length;
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(length);
    const chunk = Buffer.concat([Buffer.from(`${i + 1} 0 obj\n`), body, Buffer.from('\nendobj\n')]);
    parts.push(chunk);
    length += chunk.length;
  });
  const xref =
    `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n` +
    offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('') +
    `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R /Encrypt 6 0 R /ID [<${id.toString('hex')}> <${id.toString('hex')}>] >>\n` +
    `startxref\n${length}\n%%EOF\n`;
  parts.push(Buffer.from(xref));
  return new Uint8Array(Buffer.concat(parts));
}

// ------------------------------------------------------------------ DOCX (a stored zip)

const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

function crc32(data: Uint8Array): number {
  let c = 0xffffffff;
  for (let i = 0; i < data.length; i++) c = CRC_TABLE[(c ^ data[i]) & 255] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/** A zip archive with uncompressed (stored) entries. */
export function zipStored(files: { name: string; data: Uint8Array }[]): Uint8Array {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  const DOS_DATE = (0 << 9) | (1 << 5) | 1; // 1980-01-01
  for (const f of files) {
    const name = Buffer.from(f.name, 'utf8');
    const crc = crc32(f.data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(0, 8); // stored
    local.writeUInt16LE(0, 10);
    local.writeUInt16LE(DOS_DATE, 12);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(f.data.length, 18);
    local.writeUInt32LE(f.data.length, 22);
    local.writeUInt16LE(name.length, 26);
    local.writeUInt16LE(0, 28);
    locals.push(local, name, Buffer.from(f.data));
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(0, 10);
    central.writeUInt16LE(0, 12);
    central.writeUInt16LE(DOS_DATE, 14);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(f.data.length, 20);
    central.writeUInt32LE(f.data.length, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    centrals.push(central, name);
    offset += 30 + name.length + f.data.length;
  }
  const centralSize = centrals.reduce((n, b) => n + b.length, 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(files.length, 8);
  end.writeUInt16LE(files.length, 10);
  end.writeUInt32LE(centralSize, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...locals, ...centrals, end]));
}

const escapeXml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** A minimal .docx: one paragraph per block, the block's lines separated by <w:br/>. */
export function textDocx(blocks: Block[]): Uint8Array {
  const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
  const paragraphs = blocks
    .map((b) => {
      const runs = b.lines
        .map((l, i) => `${i > 0 ? '<w:br/>' : ''}<w:t xml:space="preserve">${escapeXml(l)}</w:t>`)
        .join('');
      const style = b.kind === 'p' ? '' : `<w:pPr><w:pStyle w:val="${b.kind === 'h1' ? 'Rubrik1' : 'Rubrik2'}"/></w:pPr>`;
      return `<w:p>${style}<w:r>${runs}</w:r></w:p>`;
    })
    .join('');
  const enc = (s: string) => new Uint8Array(Buffer.from(s, 'utf8'));
  return zipStored([
    {
      name: '[Content_Types].xml',
      data: enc(
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
          '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
          '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
          '<Default Extension="xml" ContentType="application/xml"/>' +
          '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>' +
          '</Types>',
      ),
    },
    {
      name: '_rels/.rels',
      data: enc(
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
          '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
          '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>' +
          '</Relationships>',
      ),
    },
    {
      name: 'word/document.xml',
      data: enc(
        `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="${W}"><w:body>${paragraphs}` +
          '<w:sectPr><w:pgSz w:w="11906" w:h="16838"/></w:sectPr></w:body></w:document>',
      ),
    },
  ]);
}

// ------------------------------------------------------------------ bad inputs

/** Deterministic pseudo-random bytes (with NULs) for bad/binary.txt. */
function binaryBytes(n: number): Uint8Array {
  const out = new Uint8Array(n);
  let x = 0x2545f491;
  for (let i = 0; i < n; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    out[i] = x & 255;
  }
  out[7] = 0;
  out[100] = 0;
  return out;
}

// ------------------------------------------------------------------ writing

async function writeAtomic(path: string, data: Uint8Array | string): Promise<void> {
  const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : Buffer.from(data);
  try {
    const existing = await readFile(path);
    if (existing.equals(bytes)) return;
  } catch {
    // not there yet
  }
  const tmp = `${path}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
  await writeFile(tmp, bytes);
  await rename(tmp, path);
}

function indexHtml(samples: Samples): string {
  const rel = (p: string) => escapeHtml(p.slice(samples.dir.length + 1).split('\\').join('/'));
  const link = (p: string, label: string) => `<a href="${rel(p)}">${escapeHtml(label)}</a>`;
  const rows = samples.seeds
    .map(
      (s) =>
        `<li><strong>${escapeHtml(s.name)}</strong>: ${link(s.html, 'HTML')} · ${link(s.pdf, 'PDF')} · ${link(
          s.docx,
          'Word',
        )} · ${link(s.txt, 'text')}</li>`,
    )
    .join('\n');
  const bad = Object.entries({
    'tom fil': samples.bad.empty,
    'binär fil': samples.bad.binary,
    'Latin-1-text': samples.bad.latin1,
    'trasig PDF': samples.bad.corruptPdf,
    'inte en PDF': samples.bad.notAPdf,
    'inskannad PDF utan text': samples.bad.scannedPdf,
    'lösenordsskyddad PDF': samples.bad.encryptedPdf,
  })
    .map(([label, p]) => `<li>${link(p, label)}</li>`)
    .join('\n');
  return `<!DOCTYPE html>
<html lang="sv">
<head><meta charset="utf-8"><title>Remisskollen – exempeldokument</title></head>
<body>
<h1>Remisskollen – exempeldokument</h1>
<p>Nämndhandlingar från Stockholms stad (allmänna handlingar) i olika format.</p>
<ul>
${rows}
</ul>
<h2>Filer som inte kan läsas</h2>
<ul>
${bad}
</ul>
</body>
</html>
`;
}

/** Writes all samples into `outDir` (default `.tmp/samples/`); returns their paths. Idempotent. */
export async function makeSamples(outDir: string = DEFAULT_OUT_DIR): Promise<Samples> {
  const dir = resolve(outDir);
  const badDir = join(dir, 'bad');
  await mkdir(badDir, { recursive: true });
  const seedFiles = (await readdir(SEEDS_DIR)).filter((f) => f.endsWith('.txt')).sort();
  const seeds: SampleSet[] = [];
  let firstPdf: Uint8Array | null = null;
  for (const file of seedFiles) {
    const name = basename(file, '.txt');
    const text = await readFile(join(SEEDS_DIR, file), 'utf8');
    const blocks = seedBlocks(text);
    const set: SampleSet = {
      name,
      txt: join(dir, `${name}.txt`),
      html: join(dir, `${name}.html`),
      pdf: join(dir, `${name}.pdf`),
      docx: join(dir, `${name}.docx`),
    };
    const pdf = await textPdf(blocks.find((b) => b.kind === 'h1')?.lines.join(' ') ?? name, blocks);
    firstPdf ??= pdf;
    await Promise.all([
      writeAtomic(set.txt, text),
      writeAtomic(set.html, seedHtml(name, text)),
      writeAtomic(set.pdf, pdf),
      writeAtomic(set.docx, textDocx(blocks)),
    ]);
    seeds.push(set);
  }
  const bad: Samples['bad'] = {
    empty: join(badDir, 'empty.txt'),
    binary: join(badDir, 'binary.txt'),
    latin1: join(badDir, 'latin1.txt'),
    corruptPdf: join(badDir, 'corrupt.pdf'),
    notAPdf: join(badDir, 'not-a-pdf.pdf'),
    scannedPdf: join(badDir, 'scanned.pdf'),
    encryptedPdf: join(badDir, 'encrypted.pdf'),
  };
  const realPdf = firstPdf ?? (await textPdf('Exempel', [{ kind: 'p', lines: ['Exempeltext.'] }]));
  await Promise.all([
    writeAtomic(bad.empty, ''),
    writeAtomic(bad.binary, binaryBytes(2048)),
    writeAtomic(bad.latin1, Buffer.from('Socialnämnden godkänner förvaltningens tjänsteutlåtande.\n', 'latin1')),
    writeAtomic(bad.corruptPdf, realPdf.subarray(0, Math.floor(realPdf.length * 0.45))),
    writeAtomic(bad.notAPdf, 'Det här är vanlig text, inte en PDF.\n'),
    writeAtomic(bad.scannedPdf, await scannedPdf()),
    writeAtomic(bad.encryptedPdf, encryptedPdf()),
  ]);
  const pages = seeds.map((s) => `${s.name}.html`);
  const samples: Samples = { dir, index: join(dir, 'index.html'), seeds, pages, bad };
  await writeAtomic(samples.index, indexHtml(samples));
  return samples;
}

const invokedDirectly = process.argv[1] !== undefined && import.meta.url === pathToFileURL(resolve(process.argv[1])).href;
if (invokedDirectly) {
  const out = process.argv[2] ?? DEFAULT_OUT_DIR;
  makeSamples(out).then(
    (s) => {
      process.stdout.write(`Exempeldokument i ${s.dir}:\n`);
      for (const set of s.seeds) process.stdout.write(`  ${set.name}: .txt .html .pdf .docx\n`);
      process.stdout.write(`  bad/: ${Object.values(s.bad).map((p) => basename(p)).join(', ')}\n  index.html\n`);
    },
    (e: unknown) => {
      process.stderr.write(`make-samples: ${(e as Error).message}\n`);
      process.exitCode = 1;
    },
  );
}
