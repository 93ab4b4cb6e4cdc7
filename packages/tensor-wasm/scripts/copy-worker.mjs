#!/usr/bin/env node
// tsc emits only .ts sources: copies the plain-JavaScript worker next to the compiled GemmThreads.
import { copyFileSync, mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const from = fileURLToPath(new URL('../src/threads/gemmWorker.mjs', import.meta.url));
const to = fileURLToPath(new URL('../dist/threads/gemmWorker.mjs', import.meta.url));
mkdirSync(fileURLToPath(new URL('../dist/threads/', import.meta.url)), { recursive: true });
copyFileSync(from, to);
