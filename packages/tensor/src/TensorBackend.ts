import type { DType, Matrix } from './Matrix.js';

/**
 * Which operands of a product are transposed, `op(A)·op(B)`, and whether the product is added to
 * `out` rather than written over it.
 *
 * @example
 * ```ts
 * backend.matmul(x, delta, { transposeA: true }); // xᵀ·δ, a weight gradient
 * backend.matmul(x, delta, { transposeA: true, accumulate: true }, grad); // grad += xᵀ·δ
 * ```
 */
export interface MatmulOptions {
  readonly transposeA?: boolean;
  readonly transposeB?: boolean;
  /**
   * `out += op(A)·op(B)` instead of `out = op(A)·op(B)` (`out` is then required): gradients of a
   * weight used at several steps sum without a temporary.
   */
  readonly accumulate?: boolean;
}

/**
 * The ops the library needs, on {@link Matrix} operands. Every backend implements this one
 * contract and passes the shared backend contract suite.
 *
 * A backend need not implement every op itself: {@link completeBackend} fills the ops it lacks
 * with the reference (cpu) kernels.
 *
 * Conventions:
 * - An op that returns a matrix accepts an optional `out`; when given it must have the result's
 *   shape, is written and returned, and may be the same object as an operand of the same shape
 *   (element-wise ops, row-vector ops, clip, map). `matmul`, `concatColumns` and `gatherRows`
 *   never accept an operand as `out`.
 * - Operands and `out` may be column views ({@link Matrix.columns}, `stride > cols`); a backend
 *   made with {@link completeBackend} gives its kernels contiguous copies unless they declare
 *   that they read strides.
 * - Shape mismatches throw a `ShapeError` naming the op and both shapes, e.g.
 *   `matmul: (10×24)·(12×128): inner sizes 24 ≠ 12`.
 * - Derivatives of activations take the activation's *output* `y` (as the tutorial's
 *   `sigmoid_out2deriv` did); the `*Backward` ops fuse `grad ⊙ f'(y)`.
 *
 * @example
 * ```ts
 * const backend: TensorBackend = new CpuBackend();
 * const h = backend.sigmoid(backend.addRowVector(backend.matmul(x, w), bias)); // forward
 * const delta = backend.sigmoidBackward(gradH, h);                             // backward
 * backend.addScaled(w, backend.matmul(x, delta, { transposeA: true }), -0.1, w); // SGD step
 * ```
 */
export interface TensorBackend {
  /** Registered name, e.g. `"cpu"` or `"mathjs"`. */
  readonly name: string;

  /**
   * Optional: the dtype of the matrices this backend makes (results without `out`, {@link zerosFor});
   * absent means `'float64'`. Every backend accepts operands and `out`s of either dtype; a float32
   * `out` stores its values rounded to float32.
   */
  readonly dtype?: DType;

  /**
   * Optional: a zero-filled rows × cols matrix in the storage this backend's ops read and write
   * without copying (the `wasm` backend's memory). Every op accepts any {@link Matrix} alike; a
   * backend without storage of its own leaves this out. Call it through {@link zerosFor}.
   */
  zeros?(rows: number, cols: number): Matrix;

  /** `op(A)·op(B)` where `op` transposes when asked; added to `out` with `accumulate`. */
  matmul(a: Matrix, b: Matrix, options?: MatmulOptions, out?: Matrix): Matrix;

  add(a: Matrix, b: Matrix, out?: Matrix): Matrix;
  sub(a: Matrix, b: Matrix, out?: Matrix): Matrix;
  /** Element-wise (Hadamard) product. */
  mul(a: Matrix, b: Matrix, out?: Matrix): Matrix;
  scale(a: Matrix, factor: number, out?: Matrix): Matrix;
  /** `a + factor · b` (axpy); `addScaled(w, grad, -lr, w)` is an SGD step in place. */
  addScaled(a: Matrix, b: Matrix, factor: number, out?: Matrix): Matrix;
  /** Adds a 1 × cols row vector to every row (bias). */
  addRowVector(a: Matrix, row: Matrix, out?: Matrix): Matrix;
  /** Multiplies every row element-wise by a 1 × cols row vector. */
  mulRowVector(a: Matrix, row: Matrix, out?: Matrix): Matrix;

  /** Element-wise `fn`, the slow general path; prefer the fused ops below in hot code. */
  map(a: Matrix, fn: (x: number) => number, out?: Matrix): Matrix;
  sigmoid(a: Matrix, out?: Matrix): Matrix;
  /** `grad ⊙ y ⊙ (1 − y)` from the sigmoid's output `y`. */
  sigmoidBackward(grad: Matrix, y: Matrix, out?: Matrix): Matrix;
  tanh(a: Matrix, out?: Matrix): Matrix;
  /** `grad ⊙ (1 − y²)` from tanh's output `y`. */
  tanhBackward(grad: Matrix, y: Matrix, out?: Matrix): Matrix;
  relu(a: Matrix, out?: Matrix): Matrix;
  /** `grad` where `y > 0`, else `0`. */
  reluBackward(grad: Matrix, y: Matrix, out?: Matrix): Matrix;

  /** Column sums as a 1 × cols row vector. */
  sumColumns(a: Matrix, out?: Matrix): Matrix;
  /** Column means as a 1 × cols row vector. */
  meanColumns(a: Matrix, out?: Matrix): Matrix;
  /** Population (biased, divide by rows) column variances as a 1 × cols row vector. */
  varianceColumns(a: Matrix, out?: Matrix): Matrix;
  /** Frobenius inner product `Σ aᵢⱼ bᵢⱼ`. */
  dot(a: Matrix, b: Matrix): number;

  /** Concatenates matrices with equal row counts side by side. */
  concatColumns(parts: readonly Matrix[], out?: Matrix): Matrix;
  /** The rows at `indices`, in that order (a minibatch). */
  gatherRows(a: Matrix, indices: ArrayLike<number>, out?: Matrix): Matrix;
  /** Index of the largest element of each row (first on ties). */
  argmaxRows(a: Matrix): Int32Array;
  clip(a: Matrix, min: number, max: number, out?: Matrix): Matrix;
  /** True when no element is NaN or ±Infinity. */
  allFinite(a: Matrix): boolean;
}
