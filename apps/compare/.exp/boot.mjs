import { tsImport } from 'tsx/esm/api';
import { workerData, parentPort } from 'node:worker_threads';
import { fileURLToPath } from 'node:url';
const tsconfig = fileURLToPath(new URL('../../../tsconfig.base.json', import.meta.url));
const m = await tsImport('./w.ts', { parentURL: import.meta.url, tsconfig });
parentPort.postMessage({ names: m.names, url: m.url });
