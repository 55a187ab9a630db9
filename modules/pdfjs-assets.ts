/**
 * Ships pdf.js's character maps, standard fonts, colour profiles and wasm
 * image decoders with the extension (under /pdfjs/), copied from
 * node_modules at build time: the PDF viewer renders real-world PDFs without
 * fetching anything from the network, and no copy is committed to the repo.
 */
import { createRequire } from 'node:module';
import { readdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { defineWxtModule } from 'wxt/modules';

const DIRS = ['cmaps', 'standard_fonts', 'wasm', 'iccs'] as const;

export default defineWxtModule({
  name: 'pdfjs-assets',
  setup(wxt) {
    wxt.hooks.hook('build:publicAssets', async (_wxt, files) => {
      const root = dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));
      for (const dir of DIRS) {
        const entries = await readdir(join(root, dir), { withFileTypes: true });
        for (const entry of entries) {
          if (!entry.isFile() || entry.name.endsWith('.md')) continue;
          files.push({ absoluteSrc: join(root, dir, entry.name), relativeDest: `pdfjs/${dir}/${entry.name}` });
        }
      }
    });
  },
});
