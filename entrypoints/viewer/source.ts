/**
 * Where the viewer's document comes from — an address (`?file=`), or a file
 * the user picked or dropped — and the bytes, checked before pdf.js sees them
 * so every failure gets its own clear Swedish message.
 */
import { browser } from 'wxt/browser';

export type Source = { kind: 'url'; url: string } | { kind: 'file'; file: File };

export type LoadErrorCode =
  | 'not-found'
  | 'http'
  | 'no-access'
  | 'file-access'
  | 'network'
  | 'empty'
  | 'not-pdf'
  | 'corrupt';

export class LoadError extends Error {
  constructor(
    readonly code: LoadErrorCode,
    message: string,
    /** For 'no-access': the origin to ask permission for. */
    readonly origin?: string,
  ) {
    super(message);
    this.name = 'LoadError';
  }
}

export function sourceName(source: Source): string {
  if (source.kind === 'file') return source.file.name;
  try {
    const u = new URL(source.url);
    const last = decodeURIComponent(u.pathname.split('/').pop() ?? '');
    return last || u.hostname || 'dokument.pdf';
  } catch {
    return 'dokument.pdf';
  }
}

/** True when the browser lets the extension read file:// addresses (Chrome: "Tillåt åtkomst till fil-URL:er"). */
export async function fileAccessAllowed(): Promise<boolean> {
  const ext = (browser as unknown as { extension?: { isAllowedFileSchemeAccess?: () => Promise<boolean> } }).extension;
  if (!ext?.isAllowedFileSchemeAccess) return true;
  try {
    return await ext.isAllowedFileSchemeAccess();
  } catch {
    return true;
  }
}

/** fetch() does not read file:// addresses; XMLHttpRequest does for an extension with file access. */
function readFileUrl(url: string): Promise<Uint8Array> {
  return new Promise((done, fail) => {
    const xhr = new XMLHttpRequest();
    xhr.open('GET', url);
    xhr.responseType = 'arraybuffer';
    xhr.onload = () =>
      xhr.response instanceof ArrayBuffer && (xhr.status === 0 || xhr.status === 200)
        ? done(new Uint8Array(xhr.response))
        : fail(new LoadError('not-found', 'Filen finns inte eller kunde inte läsas.'));
    xhr.onerror = () => fail(new LoadError('not-found', 'Filen finns inte eller kunde inte läsas.'));
    xhr.send();
  });
}

async function fetchUrl(url: string): Promise<Uint8Array> {
  let response: Response;
  try {
    response = await fetch(url, { credentials: 'include', cache: 'default' });
  } catch {
    // A network error from an extension page is usually a missing host permission (CORS), or no connection.
    const origin = new URL(url).origin;
    const granted = await browser.permissions.contains({ origins: [`${origin}/*`] }).catch(() => false);
    if (!granted) {
      return Promise.reject(
        new LoadError('no-access', `Remisskollen har inte behörighet att hämta filer från ${new URL(url).host}.`, origin),
      );
    }
    return Promise.reject(new LoadError('network', 'Filen kunde inte hämtas: ingen förbindelse med servern.'));
  }
  if (response.status === 404 || response.status === 410) {
    throw new LoadError('not-found', `Filen finns inte på servern (svar ${response.status}).`);
  }
  if (!response.ok) throw new LoadError('http', `Servern lämnade inte ut filen (svar ${response.status}).`);
  return new Uint8Array(await response.arrayBuffer());
}

const HEADER = '%PDF-';

/** The document's bytes; checked to be a PDF at all (the header within the first 1024 bytes, as pdf.js looks). */
export async function readSource(source: Source): Promise<Uint8Array> {
  let bytes: Uint8Array;
  if (source.kind === 'file') bytes = new Uint8Array(await source.file.arrayBuffer());
  else if (/^file:/i.test(source.url)) {
    if (!(await fileAccessAllowed())) {
      throw new LoadError('file-access', 'Remisskollen får inte läsa filer på datorn.');
    }
    bytes = await readFileUrl(source.url);
  } else bytes = await fetchUrl(source.url);
  if (bytes.length === 0) throw new LoadError('empty', 'Filen är tom.');
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 1024));
  if (!head.includes(HEADER)) {
    throw new LoadError('not-pdf', 'Filen är ingen PDF: den saknar PDF-huvud, fast den har öppnats som PDF.');
  }
  return bytes;
}

/** A complete PDF ends with `%%EOF` near its end; a truncated download does not. */
export function looksTruncated(bytes: Uint8Array): boolean {
  const tail = new TextDecoder('latin1').decode(bytes.subarray(Math.max(0, bytes.length - 2048)));
  return !tail.includes('%%EOF');
}
