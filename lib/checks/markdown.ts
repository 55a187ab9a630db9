/**
 * Markdown drafts: the engine finds headings as lines of their own, not
 * "## Bakgrund". ATX heading markers are blanked with spaces of the same length,
 * so offsets into the result are offsets into the file.
 */
export function blankMarkdownHeadings(text: string): string {
  return text.replace(/^[ \t]{0,3}#{1,6}[ \t]+/gm, (m) => ' '.repeat(m.length)).replace(/[ \t]+#+[ \t]*$/gm, (m) => ' '.repeat(m.length));
}

export const isMarkdownName = (name: string): boolean => /\.(md|markdown)$/i.test(name);

/** "## Bakgrund" → "Bakgrund" (for a text the user sees and edits, where offsets into the file do not matter). */
export function stripMarkdownHeadings(text: string): string {
  return text.replace(/^[ \t]{0,3}#{1,6}[ \t]+/gm, '').replace(/[ \t]+#+[ \t]*$/gm, '');
}
