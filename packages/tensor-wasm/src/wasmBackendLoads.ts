import { kernelsModule } from './Kernels.js';

let loads: boolean | undefined;

/**
 * Whether the `wasm` backend can run here: the JavaScript engine has WebAssembly with SIMD and
 * compiles the kernels' module (compiled once, then cached). Lets a caller fall back to `cpu`.
 *
 * @example
 * ```ts
 * const backend = wasmBackendLoads() ? new WasmBackend() : new CpuBackend();
 * ```
 */
export function wasmBackendLoads(): boolean {
  if (loads === undefined) {
    try {
      kernelsModule(false);
      loads = true;
    } catch {
      loads = false;
    }
  }
  return loads;
}
