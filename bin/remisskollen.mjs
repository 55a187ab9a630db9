#!/usr/bin/env node
// Remisskollen's command line. Runs the TypeScript sources directly through
// tsx (a runtime dependency), so `npx remisskollen` works right after `npm ci`.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { tsImport } from 'tsx/esm/api';

const root = new URL('../', import.meta.url);
const tsconfig = fileURLToPath(new URL('tsconfig.json', root));
// tsconfig.json extends .wxt/tsconfig.json (made by `wxt prepare` on install); without it, no tsconfig.
const useTsconfig = existsSync(fileURLToPath(new URL('.wxt/tsconfig.json', root))) ? tsconfig : false;

const { main } = await tsImport('../cli/main.ts', { parentURL: import.meta.url, tsconfig: useTsconfig });
const status = await main(process.argv.slice(2));
// Let pending output flush; exit explicitly in case a library left a handle open.
process.exitCode = status;
const exit = () => process.exit(status);
if (process.stdout.writableNeedDrain) process.stdout.once('drain', exit);
else setImmediate(exit);
