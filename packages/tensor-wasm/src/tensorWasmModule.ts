import { TensorBackendPlugin, type TensorBackendOptions } from '@synthgrad/core';
import type { DType } from '@synthgrad/tensor';
import { ContainerModule } from 'inversify';
import { sharedMemoryAvailable } from './sharedMemoryAvailable.js';
import { WasmBackend } from './WasmBackend.js';

// One backend per thread, shared by every container made in it: its matrices are resident (they
// live in its wasm memory, so ops copy nothing), and a process that makes container after container
// (a suite's runs, a test file) keeps one memory instead of one per container.
const threadBackends = new Map<DType, WasmBackend>();

/** This thread's `wasm` backend of `dtype`: resident where shared memory exists, else copying operands. */
function backendOfThisThread(dtype: DType): WasmBackend {
  let backend = threadBackends.get(dtype);
  if (backend === undefined) {
    backend = new WasmBackend({ resident: sharedMemoryAvailable(), dtype });
    threadBackends.set(dtype, backend);
  }
  return backend;
}

/**
 * Binds the `wasm` tensor backend plugin, so `createContainer` can select it by name, in float64
 * or float32 (`createContainer({ backend: 'wasm', dtype: 'float32' })`). Every container of a
 * thread gets the same backend of its dtype, whose matrices live in its wasm memory (resident)
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
    description: 'WebAssembly SIMD kernels (float64 or float32, packed GEMM), single-threaded, matrices resident in wasm memory',
    dtypes: ['float64', 'float32'],
    create: (options?: TensorBackendOptions) => backendOfThisThread(options?.dtype ?? 'float64'),
  });
});
