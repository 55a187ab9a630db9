/**
 * `npm start`: build the extension, serve the sample documents on 127.0.0.1,
 * and open Chromium with the extension loaded on the samples. Closes the
 * server when Chromium exits. Without a display: `xvfb-run npm start`.
 */
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { makeSamples } from './make-samples';
import { serveDirectory } from './sample-server';

const SAMPLES = resolve('.tmp/samples');
const EXTENSION = resolve('.output/chrome-mv3');
const PROFILE = resolve('.tmp/chromium-profile');
const PORT = Number(process.env.PORT ?? 8765);

const build = spawnSync('npx', ['wxt', 'build'], { stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);

const samples = await makeSamples(SAMPLES);
const server = await serveDirectory(SAMPLES, PORT);
console.log(`Exempeldokument: ${server.origin}/`);

/** The id Chromium gives an unpacked extension: SHA-256 of its absolute path, first 32 hex digits written a–p. */
function unpackedExtensionId(path: string): string {
  const hex = createHash('sha256').update(path).digest('hex').slice(0, 32);
  return [...hex].map((c) => String.fromCharCode(97 + parseInt(c, 16))).join('');
}
const viewer = `chrome-extension://${unpackedExtensionId(EXTENSION)}/viewer.html`;
const pdfs = samples.seeds.map((s) => `${viewer}?file=${encodeURIComponent(`${server.origin}/${basename(s.pdf)}`)}`);

mkdirSync(PROFILE, { recursive: true });
const chrome = process.env.CHROME_PATH ?? '/usr/bin/chromium';
const args = [
  `--user-data-dir=${PROFILE}`,
  `--load-extension=${EXTENSION}`,
  `--disable-extensions-except=${EXTENSION}`,
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--no-default-browser-check',
  '--lang=sv',
  ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
  `${server.origin}/`,
  ...samples.pages.map((p) => `${server.origin}/${p}`),
  // The seeds as PDFs, in Remisskollen's own viewer.
  ...pdfs,
];
console.log(`Startar ${chrome} med Remisskollen …`);
const child = spawn(chrome, args, { stdio: 'inherit' });
child.on('error', (error) => {
  console.error(`Kunde inte starta Chromium (${chrome}): ${error.message}. Ange sökvägen med CHROME_PATH.`);
  void server.close().then(() => process.exit(1));
});
child.on('exit', (code) => void server.close().then(() => process.exit(code ?? 0)));
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => child.kill(signal));
