/**
 * The web-page benchmark (issue 5): a 1 MB council document with about 5,000
 * references, in real Chromium with the built extension. Reports the
 * extension's main-thread time to highlights and its longest task next to the
 * page's own load time measured in the same run.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serveDirectory } from './sample-server';
import { launchWithExtension, tabIdFor } from '../tests/e2e/harness';
import { askTab, waitForHighlights } from '../tests/e2e/page-helpers';

const REFERENCES = [
  '3 kap. 5 § socialtjänstlagen (2001:453)',
  '11 kap. 1 § SoL',
  '1 § LVU',
  '4 kap. 1 § första stycket 2 SoL',
  'prop. 2000/01:80 s. 91',
  'HFD 2018 ref. 5',
  '2 kap. 1 § kommunallagen (2017:725)',
  'Dnr KS 2023/105',
];

/** ~1 MB of seed prose with a reference about every 200 characters, as paragraphs. */
export async function bigPage(targetBytes = 1_000_000, references = 5000): Promise<string> {
  const seeds = await Promise.all(
    ['stockholm-hagersten-alvsjo-yttrande-vallingbyteamet', 'stockholm-socialnamnden-remissvar-faltassistenter'].map((n) =>
      readFile(`tests/fixtures/seeds/${n}.txt`, 'utf8'),
    ),
  );
  const words = seeds.join(' ').split(/\s+/).filter(Boolean);
  const paragraphs: string[] = [];
  let size = 0;
  let w = 0;
  let r = 0;
  const refEvery = Math.max(1, Math.floor(targetBytes / references));
  while (size < targetBytes) {
    let p = '';
    while (p.length < 800) {
      let sentence = '';
      while (sentence.length < refEvery - 45) sentence += `${words[w++ % words.length]} `;
      p += `${sentence}enligt ${REFERENCES[r++ % REFERENCES.length]}. `;
    }
    paragraphs.push(`<p>${p.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</p>`);
    size += p.length;
  }
  return `<!doctype html><html lang="sv"><head><meta charset="utf-8"><title>Tjänsteutlåtande – stort dokument</title></head><body>
<p>Socialförvaltningen<br>Tjänsteutlåtande<br>Dnr SN 2024/1000<br>2024-06-01</p><h1>Tjänsteutlåtande om ett stort ärende</h1>
<h2>Förvaltningens förslag till beslut</h2><p>Socialnämnden godkänner förvaltningens tjänsteutlåtande.</p><h2>Ärendet</h2>
${paragraphs.join('\n')}</body></html>`;
}

export async function benchPage(runs = 3): Promise<string[]> {
  const dir = await mkdtemp(join(tmpdir(), 'remisskollen-bench-page-'));
  const html = await bigPage();
  await writeFile(join(dir, 'big.html'), html);
  const server = await serveDirectory(dir);
  const ext = await launchWithExtension();
  const lines: string[] = [];
  try {
    const rows: { load: number; main: number; longest: number; longTask: number; total: number; citations: number }[] = [];
    for (let i = 0; i < runs; i++) {
      const page = await ext.context.newPage();
      // Long tasks on the page's main thread after load are the extension's (the page itself is static).
      await page.addInitScript(() => {
        const w = window as unknown as { __longest: number; __loaded: boolean };
        w.__longest = 0;
        w.__loaded = false;
        addEventListener('load', () => (w.__loaded = true));
        new PerformanceObserver((list) => {
          for (const e of list.getEntries()) if (w.__loaded) w.__longest = Math.max(w.__longest, e.duration);
        }).observe({ type: 'longtask', buffered: false });
      });
      const url = `${server.origin}/big.html?run=${i}`;
      await page.goto(url, { waitUntil: 'load' });
      const load = await page.evaluate(() => {
        const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
        return nav.loadEventEnd - nav.startTime;
      });
      await waitForHighlights(page, 1000, 60_000);
      const tabId = await tabIdFor(ext.serviceWorker, url);
      const response = await askTab(ext, tabId);
      if (!response.ok || !response.timing) throw new Error('ingen analys');
      const longTask = await page.evaluate(() => (window as unknown as { __longest: number }).__longest);
      rows.push({
        load,
        main: response.timing.mainThreadMs,
        longest: response.timing.longestTaskMs,
        longTask,
        total: response.timing.totalMs,
        citations: response.truncated?.citations ?? response.result.citations.length,
      });
      await page.close();
    }
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
    const m = (k: keyof (typeof rows)[0]) => median(rows.map((r) => r[k]));
    lines.push(`Webbsida ${(html.length / 1e6).toFixed(2)} MB, ${m('citations')} hänvisningar (median av ${runs} körningar):`);
    lines.push(`  sidans egen laddning (baslinje)        ${m('load').toFixed(0)} ms`);
    lines.push(`  tilläggets tid på sidans huvudtråd     ${m('main').toFixed(0)} ms = ${(m('main') / m('load')).toFixed(2)}× sidans laddning (mål ≤ 0,5×)`);
    lines.push(`  tilläggets längsta egna del            ${m('longest').toFixed(1)} ms (mål ≤ 50 ms)`);
    lines.push(`  längsta långa uppgift efter laddning   ${m('longTask').toFixed(0)} ms (hela sidans, inklusive dess egen första rendering)`);
    lines.push(`  tid tills markeringarna syns (väggur)  ${m('total').toFixed(0)} ms (analysen körs i bakgrunden)`);
  } finally {
    await ext.close();
    await server.close();
    await rm(dir, { recursive: true, force: true });
  }
  return lines;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const line of await benchPage()) console.log(line);
}
