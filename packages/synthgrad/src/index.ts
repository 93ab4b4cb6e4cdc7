export * from '@synthgrad/core';
export * from '@synthgrad/datasets';
export * from '@synthgrad/generator-inputs';
export * from '@synthgrad/layers';
export {
  CpuBackend,
  type CpuBackendOptions,
  fromMathjs,
  Matrix,
  MathjsBackend,
  Rng,
  ShapeError,
  toMathjs,
  type DType,
  type MatmulOptions,
  type MatrixData,
  type ShuffleableArray,
} from '@synthgrad/tensor';
export * from '@synthgrad/trainers';
export { tensorWasmModule, WasmBackend, wasmBackendLoads, type WasmBackendOptions } from '@synthgrad/tensor-wasm';
export { builtInModules } from './builtInModules.js';
export { createSynthgradContainer } from './createSynthgradContainer.js';
export { defaultBackendName } from './defaultBackendName.js';
