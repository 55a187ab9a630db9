/**
 * The draft check in real Chromium, in the side panel's "Kontrollera utkast"
 * view (sidepanel.html?view=draft): paste a draft, drop a .docx, see the
 * findings checkDraft() gives for the same text; jump to a place; ignore a rule
 * (stored, listed, restorable).
 */
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkDraft } from '../../lib/checks';
import { seedBlocks, textDocx, textPdf } from '../../scripts/make-samples';
import { launchWithExtension, type ExtensionBrowser } from './harness';
import type { Page } from 'playwright-core';

const SEEDS = 'tests/fixtures/seeds';
let ext: ExtensionBrowser;
let hagersten: string;
let social: string;

beforeAll(async () => {
  hagersten = await readFile(`${SEEDS}/stockholm-hagersten-alvsjo-yttrande-vallingbyteamet.txt`, 'utf8');
  social = await readFile(`${SEEDS}/stockholm-socialnamnden-remissvar-faltassistenter.txt`, 'utf8');
  ext = await launchWithExtension();
});
afterAll(async () => {
  await ext?.close();
});

async function openDraftPage(): Promise<Page> {
  const page = await ext.context.newPage();
  await page.goto(`chrome-extension://${ext.extensionId}/sidepanel.html?view=draft`);
  await page.locator('#draft-text').waitFor();
  return page;
}

/** The finding ids the page lists, sorted. */
const listedIds = (page: Page) => page.getByTestId('draft-finding').evaluateAll((els) => els.map((e) => e.getAttribute('data-id') ?? '').sort());

describe('Kontrollera utkast in real Chromium', () => {
  it('paste a draft: the findings and summary of checkDraft()', async () => {
    const page = await openDraftPage();
    await page.locator('#draft-text').focus();
    await page.keyboard.insertText(hagersten);
    const value = await page.locator('#draft-text').inputValue();
    const expected = checkDraft(value);
    await expect.poll(() => page.getByTestId('draft-summary').textContent()).toBe(expected.summary);
    expect(await listedIds(page)).toEqual(expected.findings.map((f) => f.id).sort());
    expect(await page.locator('[data-rule="section-missing"]').textContent()).toContain('Jämställdhetsanalys');

    // jump: the long sentence is selected in the textarea
    const long = expected.findings.find((f) => f.rule === 'long-sentence')!;
    await page.locator(`[data-id="${long.id}"] button`, { hasText: 'Visa' }).click();
    const sel = await page.locator('#draft-text').evaluate((ta: HTMLTextAreaElement) => [ta.selectionStart, ta.selectionEnd]);
    expect(sel).toEqual([long.start, long.end]);

    // ignore once, then ignore the rule: stored, listed, restorable
    await page.locator(`[data-id="${long.id}"] button`, { hasText: /^Ignorera$/ }).click();
    await expect.poll(() => page.getByTestId('draft-finding').count()).toBe(expected.findings.length - 1);
    await page.locator('[data-rule="long-sentence"] button', { hasText: 'Ignorera regeln' }).first().click();
    await expect.poll(() => page.locator('[data-testid="draft-finding"][data-rule="long-sentence"]').count()).toBe(0);
    await expect.poll(() => page.getByTestId('draft-ignored').textContent()).toContain('Mycket lång mening');
    const stored = await ext.serviceWorker.evaluate(async () => {
      const c = (globalThis as unknown as { chrome: { storage: { local: { get(k: string): Promise<Record<string, unknown>> } } } }).chrome;
      return (await c.storage.local.get('ignoredRules')).ignoredRules;
    });
    expect(stored).toEqual({ rules: ['long-sentence'] });
    await expect.poll(() => page.getByTestId('draft-summary').textContent()).toMatch(/^1 fel, 3 varningar — LIX/);
    await page.getByTestId('draft-ignored').locator('[data-rule="long-sentence"] button', { hasText: 'Återställ' }).click();
    await expect.poll(() => page.locator('[data-testid="draft-finding"][data-rule="long-sentence"]').count()).toBe(2);
    await page.close();
  });

  it('drop a .docx with faults: a repealed law in a draft dated 2026 and a personnummer', async () => {
    const draft = social.replace('Staden arbetar for en kunskapsbaserad', 'Familjens kontaktperson har personnummer 19121212-1212.\n\nStaden arbetar for en kunskapsbaserad');
    const docx = textDocx(seedBlocks(`2026-03-02\n\n${draft}`));
    const page = await openDraftPage();
    await page.getByTestId('draft-drop').evaluate((zone, bytes: number[]) => {
      const file = new File([new Uint8Array(bytes)], 'utkast.docx', { type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' });
      const dt = new DataTransfer();
      dt.items.add(file);
      zone.dispatchEvent(new DragEvent('dragover', { dataTransfer: dt, bubbles: true, cancelable: true }));
      zone.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
    }, [...docx]);
    await expect.poll(() => page.locator('.draft-source').first().textContent()).toContain('utkast.docx');
    const value = await page.locator('#draft-text').inputValue();
    expect(value).toContain('19121212-1212');
    const expected = checkDraft(value);
    await expect.poll(() => page.getByTestId('draft-summary').textContent()).toBe(expected.summary);
    expect(await listedIds(page)).toEqual(expected.findings.map((f) => f.id).sort());
    const pnr = page.locator('[data-testid="draft-finding"][data-rule="personnummer"]');
    expect(await pnr.count()).toBe(1);
    expect(await pnr.textContent()).toContain('19121212-1212');
    const repealed = page.locator('[data-testid="draft-finding"][data-rule="repealed-law"].draft-error');
    expect(await repealed.count()).toBe(2);
    expect(await repealed.first().textContent()).toContain('socialtjänstlagen (2025:400)');
    await page.close();
  });

  it('pick a .txt file and choose a profile', async () => {
    const page = await openDraftPage();
    await page.getByTestId('draft-file').setInputFiles({ name: 'utkast.txt', mimeType: 'text/plain', buffer: Buffer.from(hagersten, 'utf8') });
    await expect.poll(() => page.getByTestId('draft-summary').textContent()).toBe(checkDraft(hagersten).summary);
    await page.getByTestId('draft-profile').selectOption('stockholm-tjansteutlatande');
    const withProfile = checkDraft(hagersten, { profile: 'stockholm-tjansteutlatande' });
    await expect.poll(() => page.getByTestId('draft-summary').textContent()).toBe(withProfile.summary);
    // the tjänsteutlåtande profile also recommends Ekonomiska konsekvenser
    expect(await page.locator('[data-rule="section-recommended"]').allTextContents()).toEqual(
      expect.arrayContaining([expect.stringContaining('Ekonomiska konsekvenser')]),
    );
    await page.close();
  });

  it('takes the text the context menu handed over in storage.session, also while open', async () => {
    const selection = hagersten.slice(hagersten.indexOf('Förvaltningens förslag till beslut'), hagersten.indexOf('Bakgrund'));
    const hand = (text: string) =>
      ext.serviceWorker.evaluate(async (d) => {
        const c = (globalThis as unknown as { chrome: { storage: { session: { set(v: object): Promise<void> } } } }).chrome;
        await c.storage.session.set({ pendingDraft: d });
      }, { text, source: 'selection', url: 'https://start.stockholm/x', title: 'Tjänsteutlåtande', at: Date.now() });
    await hand(selection);
    const page = await openDraftPage();
    await expect.poll(() => page.locator('#draft-text').inputValue()).toBe(selection);
    expect(await page.locator('.draft-source').first().textContent()).toContain('markerad text på Tjänsteutlåtande');
    await expect.poll(() => page.getByTestId('draft-summary').textContent()).toBe(checkDraft(selection).summary);
    // taken once: gone from storage
    const left = await ext.serviceWorker.evaluate(async () => {
      const c = (globalThis as unknown as { chrome: { storage: { session: { get(k: string): Promise<Record<string, unknown>> } } } }).chrome;
      return (await c.storage.session.get('pendingDraft')).pendingDraft ?? null;
    });
    expect(left).toBeNull();
    // a second hand-over while the page is open
    await hand('Enligt 4 kap. 1 § SoL har den enskilde rätt till bistånd.');
    await expect.poll(() => page.locator('#draft-text').inputValue()).toBe('Enligt 4 kap. 1 § SoL har den enskilde rätt till bistånd.');
    await page.close();
  });

  it('pick a .pdf: pdf.js in the extension page (no eval, bundled worker)', async () => {
    const pdf = await textPdf('Återinför Vällingbyteamet', seedBlocks(hagersten));
    const page = await openDraftPage();
    await page.getByTestId('draft-file').setInputFiles({ name: 'utkast.pdf', mimeType: 'application/pdf', buffer: Buffer.from(pdf) });
    await expect.poll(() => page.locator('.draft-source').first().textContent(), { timeout: 20_000 }).toContain('utkast.pdf');
    const value = await page.locator('#draft-text').inputValue();
    expect(value).toContain('Förvaltningens synpunkter och förslag');
    const expected = checkDraft(value);
    await expect.poll(() => page.getByTestId('draft-summary').textContent()).toBe(expected.summary);
    expect(expected.findings.some((f) => f.rule === 'section-missing')).toBe(true);
    await page.close();
  });
});
