import { TensorBackendPlugin } from '@synthgrad/core';
import { ContainerModule } from 'inversify';
import { sharedMemoryAvailable } from './sharedMemoryAvailable.js';
import { WasmBackend } from './WasmBackend.js';

// One backend per thread, shared by every container made in it: its matrices are resident (they
// live in its wasm memory, so ops copy nothing), and a process that makes container after container
// (a suite's runs, a test file) keeps one memory instead of one per container.
let threadBackend: WasmBackend | undefined;

/** This thread's `wasm` backend: resident where shared memory exists, else copying operands. */
function backendOfThisThread(): WasmBackend {
  threadBackend ??= new WasmBackend({ resident: sharedMemoryAvailable() });
  return threadBackend;
}

/**
 * Binds the `wasm` tensor backend plugin, so `createContainer` can select it by name. Every
 * container of a thread gets the same backend, whose matrices live in its wasm memory (resident)
 * where shared WebAssembly memory exists (Node.js, cross-origin isolated pages); elsewhere it
 * copies operands in and results out.
 *
 * @example
 * ```ts
 * const container = createContainer({ modules: [tensorWasmModule], backend: 'wasm' });
 * container.get(TensorBackend).name; // 'wasm'
 * ```
 */
export const tensorWasmModule = new ContainerModule((options) => {
  options.bind(TensorBackendPlugin).toConstantValue({
    name: 'wasm',
    description: 'WebAssembly SIMD kernels (float64, packed GEMM), single-threaded, matrices resident in wasm memory',
    create: () => backendOfThisThread(),
  });
});
