import { TensorBackendPlugin } from '@synthgrad/core';
import { ContainerModule } from 'inversify';
import { BlasBackend } from './BlasBackend.js';

/**
 * Binds the `blas` tensor backend plugin. The library loads when the backend is created, so
 * loading this module never fails; selecting `blas` without OpenBLAS fails naming what to install.
 *
 * @example
 * ```ts
 * const container = createContainer({ modules: [tensorBlasModule], backend: 'blas' });
 * container.get(TensorBackend).name; // 'blas'
 * ```
 */
export const tensorBlasModule = new ContainerModule((options) => {
  options.bind(TensorBackendPlugin).toConstantValue({
    name: 'blas',
    description: "products through the system's OpenBLAS (native, one thread), the rest on wasm",
    create: () => new BlasBackend(),
  });
});
