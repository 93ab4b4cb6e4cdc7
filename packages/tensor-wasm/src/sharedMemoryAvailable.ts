import { WebAssemblyApi } from './wasmApi.js';

let available: boolean | undefined;

/**
 * Whether a shared WebAssembly memory can be made here: Node.js, and pages that are cross-origin
 * isolated. Checked once by making one.
 */
export function sharedMemoryAvailable(): boolean {
  if (available === undefined) {
    const isolated = (globalThis as { crossOriginIsolated?: boolean }).crossOriginIsolated;
    try {
      available =
        isolated !== false &&
        typeof SharedArrayBuffer === 'function' &&
        new WebAssemblyApi.Memory({ initial: 1, maximum: 1, shared: true }).buffer instanceof SharedArrayBuffer;
    } catch {
      available = false;
    }
  }
  return available;
}
