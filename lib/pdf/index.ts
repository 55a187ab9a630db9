/**
 * PDF text assembly shared by the CLI and the PDF viewer. Pure: feed it the
 * results of pdf.js `page.getTextContent()`; no pdf.js, Node or DOM import here.
 */
export { assemblePdfText } from './assemble';
export type {
  AssembleOptions,
  AssembledPdfText,
  PdfContentItem,
  PdfItemSpan,
  PdfLocation,
  PdfMarkedContent,
  PdfOffsetMap,
  PdfPageText,
  PdfTextItem,
} from './assemble';
