/**
 * PDF viewer benchmark (called from scripts/bench.ts): a generated 100-page
 * council document served on 127.0.0.1, opened in the built extension's viewer
 * in Chromium. Measures, from the viewer page's navigation start:
 *   - the first page drawn AND highlighted (the viewer's full path: fetch, pdf.js, text layer, analysis, paint),
 *   - pdf.js alone drawing the first page in the same page (`?measure=first-page`), in the same run,
 *   - the whole document analysed.
 * Alternating runs, medians. Needs a build: `npx wxt build` (or REMISSKOLLEN_EXTENSION_DIR).
 *
 *   npx tsx scripts/bench-pdf.ts
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { launchWithExtension } from '../tests/e2e/harness';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { serveDirectory } from './sample-server';

const RUNS = 5;
const PAGES = 100;
const TARGET = 1.3;

/** A long tjänsteutlåtande: headings, running text and a few statute citations on every page. */
export async function longCouncilPdf(pages = PAGES): Promise<Uint8Array> {
  const doc = await PDFDocument.create({ updateMetadata: false });
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const bold = await doc.embedFont(StandardFonts.HelveticaBold);
  for (let n = 1; n <= pages; n++) {
    const page = doc.addPage([595.28, 841.89]);
    let y = 841.89 - 60;
    const line = (text: string, f = font, size = 11) => {
      y -= size * 1.35;
      page.drawText(text, { x: 60, y, size, font: f });
    };
    if (n === 1) {
      line('Tjänsteutlåtande', bold, 16);
      line('Dnr KS 2024/1207');
      line('Förvaltningens förslag till beslut', bold, 13);
      line('Socialnämnden godkänner förvaltningens tjänsteutlåtande.');
    }
    line(`Avsnitt ${n}`, bold, 13);
    for (let i = 0; i < 40; i++) {
      if (i % 9 === 3) line(`Enligt ${(i % 5) + 1} kap. ${(i % 7) + 1} § socialtjänstlagen (2001:453) ska nämnden pröva frågan.`);
      else if (i % 13 === 6) line('Se även 6 kap. 1 § föräldrabalken och prop. 2000/01:80 s. 91 om barnets bästa.');
      else line(`Rad ${i + 1} på sidan ${n}: förvaltningen beskriver ärendets bakgrund och konsekvenser.`);
    }
  }
  return doc.save({ useObjectStreams: false });
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

export async function benchPdf(): Promise<string[]> {
  const extension = resolve(process.env.REMISSKOLLEN_EXTENSION_DIR ?? '.output/chrome-mv3');
  if (!existsSync(join(extension, 'manifest.json'))) return ['PDF-visaren: ingen byggd extension (kör "npx wxt build" först) – hoppar över.'];
  const dir = resolve('.tmp/bench-pdf');
  await mkdir(dir, { recursive: true });
  await writeFile(join(dir, 'long.pdf'), await longCouncilPdf());
  const server = await serveDirectory(dir);
  const browser = await launchWithExtension({ extension, viewport: { width: 1280, height: 900 } });
  try {
    const file = encodeURIComponent(`${server.origin}/long.pdf`);
    const measure = async (url: string, attr: string, also?: string): Promise<number[]> => {
      const page = await browser.context.newPage();
      await page.goto(url);
      await page.waitForFunction((a) => document.documentElement.dataset[a] !== undefined, attr, { timeout: 120_000 });
      if (also) await page.waitForFunction((a) => document.documentElement.dataset[a] !== undefined, also, { timeout: 300_000 });
      const values = await page.evaluate(
        ([a, b]) => [Number(document.documentElement.dataset[a]), b ? Number(document.documentElement.dataset[b]) : NaN],
        [attr, also ?? ''] as const,
      );
      await page.close();
      return values;
    };
    // Warm-up: the service worker, the law index and the disk cache, for both paths.
    await measure(`chrome-extension://${browser.extensionId}/viewer.html?file=${file}`, 'firstHighlightMs', 'analysedMs');
    await measure(`chrome-extension://${browser.extensionId}/viewer.html?measure=first-page&file=${file}`, 'firstPageMs');
    const viewer: number[] = [];
    const whole: number[] = [];
    const alone: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      alone.push((await measure(`chrome-extension://${browser.extensionId}/viewer.html?measure=first-page&file=${file}`, 'firstPageMs'))[0]);
      const [first, all] = await measure(`chrome-extension://${browser.extensionId}/viewer.html?file=${file}`, 'firstHighlightMs', 'analysedMs');
      viewer.push(first);
      whole.push(all);
    }
    const ratio = median(viewer) / median(alone);
    return [
      `PDF-visaren, ${PAGES} sidor (median av ${RUNS}, från sidans start):`,
      `  första sidan visad och markerad   ${median(viewer)} ms`,
      `  pdf.js visar bara första sidan    ${median(alone)} ms`,
      `  kvot                              ${ratio.toFixed(2)}× (mål ≤ ${TARGET}×) ${ratio <= TARGET ? 'OK' : 'ÖVER MÅLET'}`,
      `  hela dokumentet analyserat        ${median(whole)} ms`,
    ];
  } finally {
    await browser.close();
    await server.close();
  }
}

const invokedDirectly = process.argv[1] !== undefined && import.meta.url === pathToFileURL(resolve(process.argv[1])).href;
if (invokedDirectly) {
  benchPdf().then(
    (lines) => process.stdout.write(`${lines.join('\n')}\n`),
    (e: unknown) => {
      process.stderr.write(`bench-pdf: ${(e as Error).message}\n`);
      process.exitCode = 1;
    },
  );
}
