import { fileURLToPath } from 'node:url';
import type { CaseResult } from './CaseResult.js';
import { runJsonChild } from './childJson.js';
import type { TfjsReference } from './tfjsWorkloads.js';

export type { TfjsReference } from './tfjsWorkloads.js';

const SCRIPT = fileURLToPath(new URL('./tfjsWorkloads.ts', import.meta.url));
const TSCONFIG = fileURLToPath(new URL('../../../tsconfig.base.json', import.meta.url));

/**
 * The tutorial workload and the MNIST-shaped MLP on @tensorflow/tfjs-backend-wasm, in a child
 * process of its own (its wasm module, memory and any threads stay out of this one's timings).
 */
export function runTfjsReference(quick: boolean): CaseResult<TfjsReference> {
  return runJsonChild<TfjsReference>('tfjs-wasm', process.execPath, [
    '--import', 'tsx', SCRIPT, ...(quick ? ['--quick'] : []),
  ], { ...process.env, TSX_TSCONFIG_PATH: TSCONFIG, NODE_OPTIONS: '--conditions=@synthgrad/source' });
}
