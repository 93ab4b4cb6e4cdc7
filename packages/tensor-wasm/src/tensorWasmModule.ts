import { TensorBackendPlugin } from '@synthgrad/core';
import { ContainerModule } from 'inversify';
import { WasmBackend } from './WasmBackend.js';

/**
 * Binds the `wasm` tensor backend plugin, so `createContainer` can select it by name.
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
    description: 'WebAssembly SIMD kernels (float64, packed GEMM), single-threaded',
    create: () => new WasmBackend(),
  });
});
