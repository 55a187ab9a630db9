/**
 * Paints citations with the CSS Custom Highlight API: no element of the page
 * is added, wrapped or changed. One highlight per citation kind, named with
 * the extension's prefix so it cannot collide with the page's own.
 */
import type { Citation, CitationKind } from '@/lib';
import type { PageText } from './page-text';

export const HIGHLIGHT_PREFIX = 'remisskollen-';
const KINDS: CitationKind[] = ['statute', 'preparatory', 'case-law', 'eu', 'regulation', 'case-number'];
const ACTIVE = `${HIGHLIGHT_PREFIX}active`;
const PROBLEM = `${HIGHLIGHT_PREFIX}problem`;

/** At most this many references are painted; more would slow the page for no reader's benefit. */
export const MAX_HIGHLIGHTS = 20_000;

// Alpha colours read on light and dark pages alike; the underline carries the kind where colour alone would not.
const CSS = `
::highlight(${HIGHLIGHT_PREFIX}statute) { background-color: rgb(255 196 0 / 0.35); text-decoration: underline 2px rgb(214 140 0); }
::highlight(${HIGHLIGHT_PREFIX}preparatory) { background-color: rgb(80 160 255 / 0.28); text-decoration: underline 2px rgb(40 110 220); }
::highlight(${HIGHLIGHT_PREFIX}case-law) { background-color: rgb(180 110 255 / 0.28); text-decoration: underline 2px rgb(130 70 210); }
::highlight(${HIGHLIGHT_PREFIX}eu) { background-color: rgb(60 200 160 / 0.28); text-decoration: underline 2px rgb(20 140 110); }
::highlight(${HIGHLIGHT_PREFIX}regulation) { background-color: rgb(120 200 60 / 0.3); text-decoration: underline 2px rgb(70 140 30); }
::highlight(${HIGHLIGHT_PREFIX}case-number) { background-color: rgb(150 150 150 / 0.3); text-decoration: underline 2px dotted rgb(110 110 110); }
::highlight(${PROBLEM}) { text-decoration: underline 2px wavy rgb(220 30 60); }
::highlight(${ACTIVE}) { background-color: rgb(255 80 0 / 0.45); }
`;

let sheet: CSSStyleSheet | null = null;

/** Highlight styles as a constructed style sheet: adopting it adds no node to the page. */
function ensureStyles(): void {
  if (!sheet) {
    sheet = new CSSStyleSheet();
    sheet.replaceSync(CSS);
  }
  if (!document.adoptedStyleSheets.includes(sheet)) {
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
  }
}

export function highlightSupported(): boolean {
  return typeof CSS_HIGHLIGHTS() !== 'undefined' && typeof Highlight === 'function';
}

function CSS_HIGHLIGHTS(): HighlightRegistry | undefined {
  return (globalThis.CSS as { highlights?: HighlightRegistry } | undefined)?.highlights;
}

export interface Painted {
  /** The range of each citation (null where the text did not map to the page), by citation index. */
  ranges: (StaticRange | null)[];
  painted: number;
  truncated: boolean;
}

/** Ranges collected so far, by kind; `next` is the first citation not yet looked at. */
interface Collected {
  ranges: (StaticRange | null)[];
  byKind: Map<CitationKind, StaticRange[]>;
  problems: StaticRange[];
  painted: number;
  next: number;
}

function startCollecting(): Collected {
  return { ranges: [], byKind: new Map(KINDS.map((k) => [k, []])), problems: [], painted: 0, next: 0 };
}

/** Maps citations to page ranges until `deadline`; true when all are done. */
function collect(page: PageText, citations: Citation[], acc: Collected, deadline: number): boolean {
  for (; acc.next < citations.length; acc.next++) {
    if ((acc.next & 63) === 0 && performance.now() > deadline) return false;
    const c = citations[acc.next];
    const range = acc.painted < MAX_HIGHLIGHTS ? page.range(c.start, c.end) : null;
    acc.ranges.push(range);
    if (!range) continue;
    acc.painted++;
    acc.byKind.get(c.kind)!.push(range);
    if (c.problems?.length) acc.problems.push(range);
  }
  return true;
}

function apply(registry: HighlightRegistry, acc: Collected, total: number): Painted {
  ensureStyles();
  for (const [kind, list] of acc.byKind) {
    const name = `${HIGHLIGHT_PREFIX}${kind}`;
    if (list.length) registry.set(name, new Highlight(...list));
    else registry.delete(name);
  }
  if (acc.problems.length) registry.set(PROBLEM, new Highlight(...acc.problems));
  else registry.delete(PROBLEM);
  return { ranges: acc.ranges, painted: acc.painted, truncated: total > MAX_HIGHLIGHTS };
}

/** Paints all citations at once (a page of the PDF viewer, small documents). */
export function paintHighlights(page: PageText, citations: Citation[]): Painted {
  const registry = CSS_HIGHLIGHTS();
  if (!registry) return { ranges: [], painted: 0, truncated: false };
  const acc = startCollecting();
  collect(page, citations, acc, Number.POSITIVE_INFINITY);
  return apply(registry, acc, citations.length);
}

/**
 * Paints in slices of `sliceMs`, giving the page's main thread back between
 * them, so thousands of references never make one long task. Reports the
 * main-thread time it took.
 */
export async function paintHighlightsInSlices(
  page: PageText,
  citations: Citation[],
  sliceMs = 8,
): Promise<Painted & { busyMs: number; longestSliceMs: number }> {
  const registry = CSS_HIGHLIGHTS();
  if (!registry) return { ranges: [], painted: 0, truncated: false, busyMs: 0, longestSliceMs: 0 };
  const acc = startCollecting();
  let busyMs = 0;
  let longestSliceMs = 0;
  for (;;) {
    const start = performance.now();
    const done = collect(page, citations, acc, start + sliceMs);
    const painted = done ? apply(registry, acc, citations.length) : null;
    const spent = performance.now() - start;
    busyMs += spent;
    longestSliceMs = Math.max(longestSliceMs, spent);
    if (painted) return { ...painted, busyMs, longestSliceMs };
    await new Promise((resolve) => setTimeout(resolve, 0));
  }
}

/** Marks one range as the active reference (open card, keyboard focus, flash); null clears it. */
export function setActive(range: AbstractRange | null): void {
  const registry = CSS_HIGHLIGHTS();
  if (!registry) return;
  if (range) {
    const active = new Highlight(range);
    active.priority = 10;
    registry.set(ACTIVE, active);
  } else registry.delete(ACTIVE);
}

export function clearHighlights(): void {
  const registry = CSS_HIGHLIGHTS();
  if (!registry) return;
  for (const kind of KINDS) registry.delete(`${HIGHLIGHT_PREFIX}${kind}`);
  registry.delete(PROBLEM);
  registry.delete(ACTIVE);
}

/** False when the page removed our highlights (e.g. `CSS.highlights.clear()`). */
export function highlightsIntact(expectAny: boolean): boolean {
  const registry = CSS_HIGHLIGHTS();
  if (!registry || !expectAny) return true;
  return KINDS.some((k) => registry.has(`${HIGHLIGHT_PREFIX}${k}`));
}
