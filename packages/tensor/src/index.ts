export { Matrix } from './Matrix.js';
export { ShapeError } from './errors.js';
export type { MatmulOptions, TensorBackend } from './TensorBackend.js';
export { CpuBackend } from './backends/cpu/CpuBackend.js';
export { MathjsBackend } from './backends/mathjs/MathjsBackend.js';
export { fromMathjs, toMathjs } from './backends/mathjs/mathjsConversion.js';
export { Rng, type ShuffleableArray } from './random/Rng.js';
