import { Matrix, type DType, type MatrixData } from '../../Matrix.js';
import type { MatmulOptions, TensorBackend } from '../../TensorBackend.js';
import {
  assertClipBounds,
  assertConcatenable,
  assertNotAliased,
  assertRowIndices,
  assertRowVectorFits,
  assertSameShape,
  prepareMatmul,
  resultMatrix,
} from '../checks.js';
import { contiguousOperands } from '../contiguousOperands.js';
import { MatmulKernel } from './MatmulKernel.js';

/** Options of {@link CpuBackend}. */
export interface CpuBackendOptions {
  /**
   * The dtype of the matrices it makes (default `'float64'`). With `'float32'` results are float32
   * matrices: each op computes in float64 (JavaScript numbers) and rounds its result to float32 on
   * store, so every stored value is float32, at half the memory.
   */
  readonly dtype?: DType;
}

/**
 * The default backend, and the reference implementation whose kernels complete every partial
 * backend (`completeBackend`): plain loops over typed arrays, a cache-blocked matmul, and no
 * allocation when `out` is given. Its product reads column views in place; its other ops run on
 * contiguous copies of views. Holds scratch buffers, so share one instance per thread.
 *
 * @example
 * ```ts
 * const cpu = new CpuBackend();
 * const x = Matrix.fromArray([[1, 2]]);
 * const w = Matrix.fromArray([[1, 0], [0, 1]]);
 * const h = cpu.sigmoid(cpu.matmul(x, w)); // 1×2
 * ```
 */
export class CpuBackend implements TensorBackend {
  readonly name = 'cpu';
  readonly dtype: DType;

  private readonly kernel = new MatmulKernel();
  private columnScratch = new Float64Array(0);
  private sumScratch = new Float64Array(0);
  private productScratch = new Float64Array(0);

  constructor(options: CpuBackendOptions = {}) {
    const dtype = options.dtype ?? 'float64';
    if (dtype !== 'float64' && dtype !== 'float32') {
      throw new RangeError(`CpuBackend: dtype must be 'float64' or 'float32', got ${String(dtype)}`);
    }
    this.dtype = dtype;
  }

  matmul(a: Matrix, b: Matrix, options?: MatmulOptions, out?: Matrix): Matrix {
    const { transposeA, transposeB, accumulate, result } = prepareMatmul(a, b, options, out, this.dtype);
    if (result.dtype === 'float64') {
      this.kernel.multiply(a, b, transposeA, transposeB, result, accumulate);
      return result;
    }
    // The kernel adds each block of the inner sum into C; a float32 C would round after every
    // block. So the whole sum goes to float64 scratch and is rounded once.
    const size = result.rows * result.cols;
    if (this.productScratch.length < size) this.productScratch = new Float64Array(size);
    const wide = new Matrix(result.rows, result.cols, this.productScratch.subarray(0, size));
    if (accumulate) wide.copyFrom(result);
    this.kernel.multiply(a, b, transposeA, transposeB, wide, accumulate);
    if (result.stride === result.cols) result.data.set(wide.data);
    else result.copyFrom(wide);
    return result;
  }

  // Each element-wise op spells out its own loop. A helper taking the element function
  // (`binaryOp((x, y) => x + y)`) was tried: it is as fast only when V8 inlines the op into its
  // caller; compiled on its own, its call of the element function sees every op's function and
  // ran 5–7× slower (scripts/bench-elementwise.ts).

  add(a: Matrix, b: Matrix, out?: Matrix): Matrix {
    const result = binaryResult('add', a, b, out, this.dtype);
    const x = a.data, z = b.data, y = result.data;
    for (let i = 0; i < x.length; i++) y[i] = x[i] + z[i];
    return result;
  }

  sub(a: Matrix, b: Matrix, out?: Matrix): Matrix {
    const result = binaryResult('sub', a, b, out, this.dtype);
    const x = a.data, z = b.data, y = result.data;
    for (let i = 0; i < x.length; i++) y[i] = x[i] - z[i];
    return result;
  }

  mul(a: Matrix, b: Matrix, out?: Matrix): Matrix {
    const result = binaryResult('mul', a, b, out, this.dtype);
    const x = a.data, z = b.data, y = result.data;
    for (let i = 0; i < x.length; i++) y[i] = x[i] * z[i];
    return result;
  }

  scale(a: Matrix, factor: number, out?: Matrix): Matrix {
    const result = resultMatrix('scale', a.rows, a.cols, out, this.dtype);
    const x = a.data;
    const y = result.data;
    for (let i = 0; i < x.length; i++) y[i] = x[i] * factor;
    return result;
  }

  addScaled(a: Matrix, b: Matrix, factor: number, out?: Matrix): Matrix {
    const result = binaryResult('addScaled', a, b, out, this.dtype);
    const x = a.data;
    const z = b.data;
    const y = result.data;
    for (let i = 0; i < x.length; i++) y[i] = x[i] + factor * z[i];
    return result;
  }

  addRowVector(a: Matrix, row: Matrix, out?: Matrix): Matrix {
    assertRowVectorFits('addRowVector', a, row);
    const result = resultMatrix('addRowVector', a.rows, a.cols, out, this.dtype);
    const x = a.data;
    const v = row.data;
    const y = result.data;
    const cols = a.cols;
    for (let r = 0, s = 0; r < a.rows; r++) {
      for (let c = 0; c < cols; c++, s++) y[s] = x[s] + v[c];
    }
    return result;
  }

  mulRowVector(a: Matrix, row: Matrix, out?: Matrix): Matrix {
    assertRowVectorFits('mulRowVector', a, row);
    const result = resultMatrix('mulRowVector', a.rows, a.cols, out, this.dtype);
    const x = a.data;
    const v = row.data;
    const y = result.data;
    const cols = a.cols;
    for (let r = 0, s = 0; r < a.rows; r++) {
      for (let c = 0; c < cols; c++, s++) y[s] = x[s] * v[c];
    }
    return result;
  }

  map(a: Matrix, fn: (x: number) => number, out?: Matrix): Matrix {
    const result = resultMatrix('map', a.rows, a.cols, out, this.dtype);
    const x = a.data;
    const y = result.data;
    for (let i = 0; i < x.length; i++) y[i] = fn(x[i]);
    return result;
  }

  sigmoid(a: Matrix, out?: Matrix): Matrix {
    const result = resultMatrix('sigmoid', a.rows, a.cols, out, this.dtype);
    const x = a.data, y = result.data;
    // exp(−x) overflows to Infinity below x ≈ −709 and 1 / Infinity is 0, so ±1000 stay finite
    // without a branch, and the relative error stays a few ulps over the whole range.
    for (let i = 0; i < x.length; i++) y[i] = 1 / (1 + Math.exp(-x[i]));
    return result;
  }


  sigmoidBackward(grad: Matrix, y: Matrix, out?: Matrix): Matrix {
    const result = binaryResult('sigmoidBackward', grad, y, out, this.dtype);
    const g = grad.data, s = y.data, d = result.data;
    for (let i = 0; i < g.length; i++) d[i] = g[i] * (s[i] * (1 - s[i]));
    return result;
  }

  tanh(a: Matrix, out?: Matrix): Matrix {
    const result = resultMatrix('tanh', a.rows, a.cols, out, this.dtype);
    const x = a.data, y = result.data;
    for (let i = 0; i < x.length; i++) y[i] = Math.tanh(x[i]);
    return result;
  }


  tanhBackward(grad: Matrix, y: Matrix, out?: Matrix): Matrix {
    const result = binaryResult('tanhBackward', grad, y, out, this.dtype);
    const g = grad.data, t = y.data, d = result.data;
    for (let i = 0; i < g.length; i++) d[i] = g[i] * (1 - t[i] * t[i]);
    return result;
  }

  relu(a: Matrix, out?: Matrix): Matrix {
    const result = resultMatrix('relu', a.rows, a.cols, out, this.dtype);
    const x = a.data, y = result.data;
    // `x < 0 ? 0 : x` rather than `x > 0 ? x : 0` lets NaN through, so allFinite still sees it.
    for (let i = 0; i < x.length; i++) y[i] = x[i] < 0 ? 0 : x[i];
    return result;
  }


  reluBackward(grad: Matrix, y: Matrix, out?: Matrix): Matrix {
    const result = binaryResult('reluBackward', grad, y, out, this.dtype);
    const g = grad.data, r = y.data, d = result.data;
    for (let i = 0; i < g.length; i++) d[i] = r[i] > 0 ? g[i] : 0;
    return result;
  }

  sumColumns(a: Matrix, out?: Matrix): Matrix {
    const result = resultMatrix('sumColumns', 1, a.cols, out, this.dtype);
    const y = this.float64Columns(result);
    sumColumnsInto(a, y);
    if (y !== result.data) result.data.set(y.subarray(0, a.cols));
    return result;
  }

  meanColumns(a: Matrix, out?: Matrix): Matrix {
    const result = resultMatrix('meanColumns', 1, a.cols, out, this.dtype);
    const y = this.float64Columns(result);
    sumColumnsInto(a, y);
    for (let c = 0; c < a.cols; c++) y[c] /= a.rows;
    if (y !== result.data) result.data.set(y.subarray(0, a.cols));
    return result;
  }

  varianceColumns(a: Matrix, out?: Matrix): Matrix {
    const result = resultMatrix('varianceColumns', 1, a.cols, out, this.dtype);
    const { rows, cols } = a;
    if (this.columnScratch.length < cols) this.columnScratch = new Float64Array(cols);
    // Two passes (mean, then squared deviations) avoid the cancellation of E[x²] − E[x]².
    const mean = this.columnScratch;
    sumColumnsInto(a, mean);
    for (let c = 0; c < cols; c++) mean[c] /= rows;
    const x = a.data;
    // A float32 result sums in float64 scratch, then rounds once.
    const y = result.data instanceof Float64Array ? result.data : new Float64Array(cols);
    if (rows === 0) y.fill(NaN);
    // Row 0 assigns rather than adds, so `out` may be a 1-row `a` itself.
    for (let r = 0, s = 0; r < rows; r++) {
      for (let c = 0; c < cols; c++, s++) {
        const d = x[s] - mean[c];
        y[c] = r === 0 ? d * d : y[c] + d * d;
      }
    }
    for (let c = 0; c < cols; c++) y[c] /= rows;
    if (y !== result.data) result.data.set(y);
    return result;
  }

  /** `result`'s own values when float64, else float64 scratch of its length (sums stay exact). */
  private float64Columns(result: Matrix): Float64Array {
    if (result.data instanceof Float64Array) return result.data;
    if (this.sumScratch.length < result.cols) this.sumScratch = new Float64Array(result.cols);
    return this.sumScratch;
  }


  dot(a: Matrix, b: Matrix): number {
    assertSameShape('dot', a, b);
    const x = a.data;
    const z = b.data;
    let total = 0;
    for (let i = 0; i < x.length; i++) total += x[i] * z[i];
    return total;
  }

  concatColumns(parts: readonly Matrix[], out?: Matrix): Matrix {
    const { rows, cols } = assertConcatenable(parts);
    const result = resultMatrix('concatColumns', rows, cols, out, this.dtype);
    if (out !== undefined) for (const part of parts) assertNotAliased('concatColumns', out, part);
    const y = result.data;
    let offset = 0;
    for (const part of parts) {
      const x = part.data;
      const width = part.cols;
      for (let r = 0, s = 0; r < rows; r++) {
        for (let c = 0, t = r * cols + offset; c < width; c++) y[t++] = x[s++];
      }
      offset += width;
    }
    return result;
  }

  gatherRows(a: Matrix, indices: ArrayLike<number>, out?: Matrix): Matrix {
    assertRowIndices('gatherRows', a, indices);
    const cols = a.cols;
    const result = resultMatrix('gatherRows', indices.length, cols, out, this.dtype);
    if (out !== undefined) assertNotAliased('gatherRows', out, a);
    const x = a.data;
    const y = result.data;
    for (let r = 0, t = 0; r < indices.length; r++) {
      for (let c = 0, s = indices[r] * cols; c < cols; c++) y[t++] = x[s++];
    }
    return result;
  }

  argmaxRows(a: Matrix): Int32Array {
    const { rows, cols } = a;
    const x = a.data;
    const result = new Int32Array(rows).fill(-1);
    if (cols === 0) return result;
    for (let r = 0; r < rows; r++) {
      const start = r * cols;
      let best = 0;
      let bestValue = x[start];
      // Strictly greater: the first of equal maxima wins.
      for (let c = 1; c < cols; c++) {
        if (x[start + c] > bestValue) {
          bestValue = x[start + c];
          best = c;
        }
      }
      result[r] = best;
    }
    return result;
  }

  clip(a: Matrix, min: number, max: number, out?: Matrix): Matrix {
    assertClipBounds(min, max);
    const result = resultMatrix('clip', a.rows, a.cols, out, this.dtype);
    const x = a.data;
    const y = result.data;
    for (let i = 0; i < x.length; i++) {
      const v = x[i];
      y[i] = v < min ? min : v > max ? max : v;
    }
    return result;
  }

  allFinite(a: Matrix): boolean {
    const x = a.data;
    for (let i = 0; i < x.length; i++) {
      if (!Number.isFinite(x[i])) return false;
    }
    return true;
  }
}

// Column views reach only `matmul`; every other op gets contiguous copies of them.
contiguousOperands(CpuBackend.prototype, new Set(['matmul'] as const));

/** The result of an op on two same-shaped operands, once their shapes are checked. */
function binaryResult(op: string, a: Matrix, b: Matrix, out: Matrix | undefined, dtype: DType): Matrix {
  assertSameShape(op, a, b);
  return resultMatrix(op, a.rows, a.cols, out, dtype);
}

/** Column sums into `y` (length cols); row 0 assigns, so `y` may be a 1-row `a`'s own data. */
function sumColumnsInto(a: Matrix, y: MatrixData): void {
  const { rows, cols } = a;
  const x = a.data;
  if (rows === 0) {
    y.fill(0, 0, cols);
    return;
  }
  for (let c = 0; c < cols; c++) y[c] = x[c];
  for (let r = 1, s = cols; r < rows; r++) {
    for (let c = 0; c < cols; c++, s++) y[c] += x[s];
  }
}
