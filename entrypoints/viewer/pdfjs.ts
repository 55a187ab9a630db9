/**
 * pdf.js for the viewer: the normal browser build, its worker shipped as an
 * asset of the build, and every resource it may need (character maps,
 * standard fonts, wasm decoders, colour profiles) read from the extension
 * itself — never from the network.
 */
import { browser } from 'wxt/browser';
import { getDocument, GlobalWorkerOptions, type PDFDocumentLoadingTask } from 'pdfjs-dist';
import workerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url';

GlobalWorkerOptions.workerSrc = workerUrl;

/** Public assets added by modules/pdfjs-assets.ts (not known to WXT's generated path types). */
const assetUrl = (dir: string): string => (browser.runtime.getURL as (path: string) => string)(`/pdfjs/${dir}/`);

/** Opens a PDF from its bytes (pdf.js takes ownership of the buffer: pass a copy if you keep it). */
export function openPdf(data: Uint8Array, password?: string): PDFDocumentLoadingTask {
  return getDocument({
    data,
    password,
    // MV3's content security policy forbids eval; pdf.js falls back to its interpreter.
    isEvalSupported: false,
    cMapUrl: assetUrl('cmaps'),
    cMapPacked: true,
    standardFontDataUrl: assetUrl('standard_fonts'),
    wasmUrl: assetUrl('wasm'),
    iccUrl: assetUrl('iccs'),
    useSystemFonts: false,
    enableXfa: false,
    verbosity: 0,
  });
}

export { TextLayer, PasswordResponses, RenderingCancelledException, AbortException } from 'pdfjs-dist';
export type { PDFDocumentLoadingTask, PDFDocumentProxy, PDFPageProxy, PageViewport, RenderTask } from 'pdfjs-dist';
