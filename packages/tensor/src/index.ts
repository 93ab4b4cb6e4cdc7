export { Matrix } from './Matrix.js';
export { ShapeError } from './errors.js';
export type { MatmulOptions, TensorBackend } from './TensorBackend.js';
