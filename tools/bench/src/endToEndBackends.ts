import { TensorBackendPlugin } from '@synthgrad/core';
import { BlasBackend } from '@synthgrad/tensor-blas';
import { WasmBackend } from '@synthgrad/tensor-wasm';
import { ContainerModule } from 'inversify';

/**
 * A `synthgrad compare --plugin` module with the backends the end-to-end bench compares beside
 * the built-in `wasm` (resident matrices): `wasm-copying` (which copies every operand in and out) and
 * `blas` (OpenBLAS products).
 */
export default new ContainerModule(({ bind }) => {
  bind(TensorBackendPlugin).toConstantValue({
    name: 'wasm-copying',
    description: 'the wasm backend with resident: false',
    create: () => new WasmBackend({ resident: false }),
  });
  bind(TensorBackendPlugin).toConstantValue({
    name: 'blas',
    description: "products through the system's OpenBLAS, the rest on wasm",
    create: () => new BlasBackend(),
  });
});
