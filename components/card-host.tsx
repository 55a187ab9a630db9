/**
 * The look-up card on a web page: a shadow root on one host element of
 * our own (the only node the extension adds to a page), styles isolated from
 * the page's. Placed below the reference, or above it near the bottom edge —
 * never over the reference itself.
 */
import { createRoot, type Root } from 'react-dom/client';
import { browser } from 'wxt/browser';
import type { Citation } from '@/lib';
import { lawSectionRequest, LawSectionResponseSchema, type LawSectionResponse } from '@/lib/messages';
import { CitationCard } from '@/components/CitationCard';
import cardCss from '@/components/card.css?inline';

export const CARD_HOST_TAG = 'remisskollen-card';
const GAP = 6;

async function loadSection(sfs: string, section: string, chapter?: string): Promise<LawSectionResponse> {
  const raw: unknown = await browser.runtime.sendMessage(lawSectionRequest(sfs, section, chapter));
  const parsed = LawSectionResponseSchema.safeParse(raw);
  return parsed.success ? parsed.data : { ok: false };
}

async function copy(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}

export class CardHost {
  private host: HTMLElement | null = null;
  private root: Root | null = null;
  private box: HTMLDivElement | null = null;
  private shownFor: Citation | null = null;
  private removed = false;

  /** True once the page has removed our host element; the panel explains it. */
  get hostRemoved(): boolean {
    return this.removed || (this.host !== null && !this.host.isConnected);
  }

  constructor(private readonly onClose: () => void) {}

  private ensure(): HTMLDivElement {
    if (this.host && !this.host.isConnected) {
      this.removed = true;
      this.root?.unmount();
      this.host = null;
    }
    if (!this.host) {
      const host = document.createElement(CARD_HOST_TAG);
      host.setAttribute('style', 'all: initial; position: fixed; inset: 0 auto auto 0; z-index: 2147483647;');
      const shadow = host.attachShadow({ mode: 'open' });
      const style = document.createElement('style');
      style.textContent = `${cardCss}\n.rk-box{position:fixed;display:none}`;
      const box = document.createElement('div');
      box.className = 'rk-box';
      shadow.append(style, box);
      (document.body ?? document.documentElement).append(host);
      this.host = host;
      this.box = box;
      this.root = createRoot(box);
    }
    return this.box!;
  }

  isOpenFor(c: Citation): boolean {
    return this.shownFor === c;
  }

  /** True when `node` is inside the card (hover and focus checks). */
  contains(target: EventTarget | null): boolean {
    return target === this.host;
  }

  show(citation: Citation, anchor: DOMRect, focus = false): void {
    const box = this.ensure();
    this.shownFor = citation;
    this.root!.render(
      <CitationCard key={`${citation.start}`} citation={citation} loadSection={loadSection} copy={copy} onClose={this.onClose} />,
    );
    box.style.display = 'block';
    box.style.visibility = 'hidden';
    // Measure after React has rendered, then place.
    requestAnimationFrame(() => {
      if (this.shownFor !== citation) return;
      this.place(anchor);
      box.style.visibility = 'visible';
      if (focus) (box.querySelector('button, a') as HTMLElement | null)?.focus({ preventScroll: true });
    });
  }

  private place(anchor: DOMRect): void {
    const box = this.box!;
    const card = box.firstElementChild as HTMLElement | null;
    if (card) card.style.maxHeight = '';
    const { width, height } = box.getBoundingClientRect();
    const vw = document.documentElement.clientWidth;
    const vh = document.documentElement.clientHeight;
    const spaceBelow = vh - anchor.bottom - 2 * GAP;
    const spaceAbove = anchor.top - 2 * GAP;
    // Below when it fits, else above (near the bottom edge), else the roomier side with the card scrolling.
    const below = height <= spaceBelow || (height > spaceAbove && spaceBelow >= spaceAbove);
    const room = below ? spaceBelow : spaceAbove;
    const shown = Math.min(height, Math.max(room, 80));
    if (card && height > room) card.style.maxHeight = `${Math.round(shown)}px`;
    const top = below ? anchor.bottom + GAP : anchor.top - GAP - shown;
    box.style.top = `${Math.round(top)}px`;
    box.style.left = `${Math.round(Math.max(GAP, Math.min(anchor.left, vw - width - GAP)))}px`;
    box.dataset.placement = below ? 'below' : 'above';
  }

  hide(): void {
    this.shownFor = null;
    if (this.box) this.box.style.display = 'none';
    this.root?.render(null);
  }

  destroy(): void {
    this.root?.unmount();
    this.host?.remove();
    this.host = null;
    this.root = null;
    this.box = null;
  }
}
