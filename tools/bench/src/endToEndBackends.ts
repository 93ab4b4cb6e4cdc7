import { TensorBackendPlugin } from '@synthgrad/core';
import { BlasBackend } from '@synthgrad/tensor-blas';
import { WasmBackend } from '@synthgrad/tensor-wasm';
import { ContainerModule } from 'inversify';

/**
 * A `synthgrad compare --plugin` module with the backends the end-to-end bench compares beside
 * the built-in `wasm` (which copies every operand in and out): `wasm-resident` (resident matrices) and
 * `blas` (OpenBLAS products).
 */
export default new ContainerModule(({ bind }) => {
  bind(TensorBackendPlugin).toConstantValue({
    name: 'wasm-resident',
    description: 'the wasm backend with resident: true',
    create: () => new WasmBackend({ resident: true }),
  });
  bind(TensorBackendPlugin).toConstantValue({
    name: 'blas',
    description: "products through the system's OpenBLAS, the rest on wasm",
    create: () => new BlasBackend(),
  });
});
