/**
 * The field overlay in real Chromium: the text of a textarea and of a
 * contenteditable editor, the findings' underlines at the right places, moved
 * with the field's scrolling, dropped when the user types — and the field left
 * exactly as it was. entrypoints/content/field-check.ts is DOM-only: it is
 * transpiled here and run in a plain page.
 */
import { readFile } from 'node:fs/promises';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { checkDraft } from '../../lib/checks';
import { launchWithExtension, type ExtensionBrowser } from './harness';

let ext: ExtensionBrowser;
let script: string;

beforeAll(async () => {
  const source = await readFile('entrypoints/content/field-check.ts', 'utf8');
  const js = ts.transpileModule(source, { compilerOptions: { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext } }).outputText;
  // no runtime imports (types only): expose the exports on window
  script = `${js.replace(/^export /gm, '')}\nwindow.__fc = { FieldOverlay, readField, handleFieldRequest, trackFocusedField, editableText };`;
  ext = await launchWithExtension();
});
afterAll(async () => {
  await ext?.close();
});

async function pageWith(body: string): Promise<Page> {
  const page = await ext.context.newPage();
  await page.setContent(`<!doctype html><html><head><style>body{margin:20px;font:16px/20px monospace} textarea,[contenteditable]{font:16px/20px monospace;padding:4px;border:1px solid #888;width:600px}</style></head><body>${body}</body></html>`);
  await page.addScriptTag({ content: script });
  return page;
}

type Fc = {
  readField(): { ok: boolean; text?: string; field?: string };
  handleFieldRequest(r: unknown): { ok: boolean; painted: number };
  trackFocusedField(): () => void;
};
type Win = { __fc: Fc; __boxes(): { left: number; top: number; width: number; severity: string }[] };

const marksOf = (text: string) =>
  checkDraft(text, { today: '2026-11-25' })
    .findings.filter((f) => f.start !== undefined && f.end! > f.start)
    .map((f) => ({ start: f.start!, end: f.end!, severity: f.severity, message: f.message }));

const boxes = (page: Page) =>
  page.evaluate(() =>
    [...(document.querySelector('remisskollen-field-marks')?.shadowRoot?.querySelectorAll('[data-severity]') ?? [])].map((el) => {
      const s = (el as HTMLElement).style;
      return { left: parseFloat(s.left), top: parseFloat(s.top), width: parseFloat(s.width), severity: (el as HTMLElement).dataset.severity };
    }),
  );

describe('field overlay', () => {
  it('textarea: reads the text, underlines the personnummer and the private number where they are, leaves the field alone', async () => {
    const text = 'Handläggare\nAnna Andersson\nTelefon: 08-508 12 345\n\nKlaganden nås på 070-765 43 21.\n\nSökandens personnummer är 19121212-1212 enligt ansökan.';
    const page = await pageWith('<textarea id="f" rows="8"></textarea>');
    await page.locator('#f').fill(text);
    await page.locator('#f').focus();
    const before = await page.locator('#f').evaluate((el: HTMLTextAreaElement) => [el.outerHTML, el.value, el.getAttribute('style'), el.scrollTop]);
    const read = await page.evaluate(() => (window as unknown as Win).__fc.readField());
    expect(read).toEqual({ ok: true, text, field: 'textarea' });

    const marks = marksOf(text).filter((m) => m.severity !== 'info');
    const pnr = marks.find((m) => text.slice(m.start, m.end) === '19121212-1212')!;
    const phone = marks.find((m) => text.slice(m.start, m.end) === '070-765 43 21')!;
    expect(pnr && phone).toBeTruthy();
    const res = await page.evaluate((m) => (window as unknown as Win).__fc.handleFieldRequest({ type: 'remisskollen/field-paint', text: document.querySelector('textarea')!.value, marks: m }), [pnr, phone]);
    expect(res).toEqual({ ok: true, painted: 2 });

    // where the characters are: monospace, so column × character width from the content box
    const geo = await page.locator('#f').evaluate((el: HTMLTextAreaElement) => {
      const r = el.getBoundingClientRect();
      const ctx = document.createElement('canvas').getContext('2d')!;
      ctx.font = getComputedStyle(el).font;
      return { left: r.left + scrollX + 1 + 4, top: r.top + scrollY + 1 + 4, cw: ctx.measureText('0').width, lh: 20 };
    });
    const expectBox = (m: { start: number; end: number }) => {
      const line = text.slice(0, m.start).split('\n').length - 1;
      const col = m.start - (text.lastIndexOf('\n', m.start - 1) + 1);
      return { left: geo.left + col * geo.cw, top: geo.top + (line + 1) * geo.lh - 2, width: (m.end - m.start) * geo.cw };
    };
    const got = await boxes(page);
    expect(got).toHaveLength(2);
    for (const [box, m, sev] of [[got[0], pnr, 'error'], [got[1], phone, 'warning']] as const) {
      const want = expectBox(m);
      expect(box.severity).toBe(sev);
      expect(Math.abs(box.left - want.left)).toBeLessThan(1.5);
      expect(Math.abs(box.width - want.width)).toBeLessThan(1.5);
      expect(Math.abs(box.top - want.top)).toBeLessThan(4);
    }

    // scrolling the field moves the underlines with the text
    await page.locator('#f').evaluate((el: HTMLTextAreaElement) => {
      el.style.height = '60px';
    });
    await page.locator('#f').evaluate((el: HTMLTextAreaElement) => {
      el.scrollTop = 40;
      el.dispatchEvent(new Event('scroll'));
    });
    await expect.poll(async () => (await boxes(page)).map((b) => Math.round(b.top))).not.toEqual(got.map((b) => Math.round(b.top)));
    await page.locator('#f').evaluate((el: HTMLTextAreaElement) => {
      el.removeAttribute('style'); // the test's own change
      el.scrollTop = 0;
    });

    // the field itself is unchanged by painting: same value, same markup
    const after = await page.locator('#f').evaluate((el: HTMLTextAreaElement) => [el.outerHTML, el.value, el.getAttribute('style'), el.scrollTop]);
    expect(after[1]).toBe(before[1]);
    expect(after[0]).toBe(before[0]);

    // typing drops the marks
    await page.locator('#f').press('End');
    await page.keyboard.type(' x');
    await expect.poll(() => boxes(page)).toEqual([]);
    await page.close();
  });

  it('contenteditable: text with paragraphs, underlines on the editor\'s own text nodes', async () => {
    const page = await pageWith('<div id="ed" contenteditable="true"><p>Förslag till beslut</p><p>Nämnden godkänner <b>förvaltningens</b> tjänsteutlåtande.</p><p>Kontakt: kalle.k@gmail.com eller 070-765 43 21.</p></div>');
    const html = await page.locator('#ed').evaluate((el) => el.outerHTML);
    await page.locator('#ed b').click();
    const read = await page.evaluate(() => (window as unknown as Win).__fc.readField());
    expect(read.field).toBe('contenteditable');
    const text = read.text!;
    expect(text).toBe('Förslag till beslut\n\nNämnden godkänner förvaltningens tjänsteutlåtande.\n\nKontakt: kalle.k@gmail.com eller 070-765 43 21.\n\n');
    const marks = marksOf(text).filter((m) => m.severity !== 'info' && /gmail|070/.test(text.slice(m.start, m.end)));
    expect(marks.map((m) => text.slice(m.start, m.end))).toEqual(['kalle.k@gmail.com', '070-765 43 21']);
    const res = await page.evaluate((m) => (window as unknown as Win).__fc.handleFieldRequest({ type: 'remisskollen/field-paint', text: (window as unknown as Win).__fc.readField().text, marks: m }), marks);
    expect(res).toEqual({ ok: true, painted: 2 });
    // the same places as Ranges on the editor's text
    const want = await page.evaluate(() => {
      const node = document.querySelectorAll('#ed p')[2].firstChild as Text;
      return ['kalle.k@gmail.com', '070-765 43 21'].map((w) => {
        const i = node.data.indexOf(w);
        const r = document.createRange();
        r.setStart(node, i);
        r.setEnd(node, i + w.length);
        const b = r.getBoundingClientRect();
        return { left: b.left + scrollX, top: b.bottom - 2 + scrollY, width: b.width };
      });
    });
    const got = await boxes(page);
    expect(got).toHaveLength(2);
    got.forEach((b, i) => {
      for (const k of ['left', 'top', 'width'] as const) expect(Math.abs(b[k] - want[i][k]), k).toBeLessThan(0.01);
    });
    expect(await page.locator('#ed').evaluate((el) => el.outerHTML)).toBe(html);
    await page.evaluate(() => (window as unknown as Win).__fc.handleFieldRequest({ type: 'remisskollen/field-clear' }));
    expect(await boxes(page)).toEqual([]);
    await page.close();
  });

  it('no focused field: a one-line reason', async () => {
    const page = await pageWith('<p>Ingen textruta här.</p>');
    const read = await page.evaluate(() => (window as unknown as Win).__fc.readField());
    expect(read.ok).toBe(false);
    await page.close();
  });
});
