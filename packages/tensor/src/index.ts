export { bufferOfShape } from './bufferOfShape.js';
export { Matrix, type DType, type MatrixData } from './Matrix.js';
export { isMatrix } from './isMatrix.js';
export { ShapeError } from './errors.js';
export { zerosFor } from './zerosFor.js';
export type { MatmulOptions, TensorBackend } from './TensorBackend.js';
export { CpuBackend, type CpuBackendOptions } from './backends/cpu/CpuBackend.js';
export {
  completeBackend,
  referenceBackend,
  type CompleteBackendOptions,
  type PartialBackend,
} from './backends/completeBackend.js';
export { KERNEL_NAMES, type BackendKernels, type KernelName } from './backends/KernelName.js';
export { MathjsBackend } from './backends/mathjs/MathjsBackend.js';
export { fromMathjs, toMathjs } from './backends/mathjs/mathjsConversion.js';
export { Rng, type ShuffleableArray } from './random/Rng.js';
/** Shape checks with the library's one wording, for authors of other backends. */
export {
  assertClipBounds,
  assertConcatenable,
  assertMatmulFits,
  assertNotAliased,
  assertRowIndices,
  assertRowVectorFits,
  assertSameShape,
  prepareMatmul,
  resultMatrix,
  type PreparedMatmul,
} from './backends/checks.js';
