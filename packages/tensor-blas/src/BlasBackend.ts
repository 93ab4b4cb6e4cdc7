import {
  CpuBackend,
  prepareMatmul,
  type Matrix,
  type MatrixData,
  type MatmulOptions,
  type TensorBackend,
} from '@synthgrad/tensor';
import { WasmBackend, wasmBackendLoads } from '@synthgrad/tensor-wasm';
import { openBlasDgemm, type Dgemm } from './openBlas.js';

const ROW_MAJOR = 101;
const NO_TRANS = 111;
const TRANS = 112;

/** Options of {@link BlasBackend}. */
export interface BlasBackendOptions {
  /** The shared library to load (default `libopenblas.so.0`). */
  readonly library?: string;
  /** The backend every op but `matmul` runs on (default: `wasm` where it loads, else `cpu`). */
  readonly rest?: TensorBackend;
}

/**
 * The `blas` backend (Node.js only): `matmul` through `cblas_dgemm` of the system's OpenBLAS
 * (via koffi, on the `Float64Array`s themselves: no copies), one thread; every other op on the
 * wasm backend (cpu where wasm does not load). Throws, naming what to install, when the library
 * is missing.
 *
 * @example
 * ```ts
 * const blas = new BlasBackend();
 * blas.matmul(Matrix.fromArray([[1, 2]]), Matrix.fromArray([[3], [4]])).toArray(); // [[11]]
 * ```
 */
export class BlasBackend implements TensorBackend {
  readonly name = 'blas';
  private readonly dgemm: Dgemm;
  private readonly rest: TensorBackend;

  constructor(options: BlasBackendOptions = {}) {
    this.dgemm = openBlasDgemm(options.library);
    this.rest = options.rest ?? (wasmBackendLoads() ? new WasmBackend() : new CpuBackend());
  }

  matmul(a: Matrix, b: Matrix, options?: MatmulOptions, out?: Matrix): Matrix {
    const { transposeA, transposeB, m, k, n, result } = prepareMatmul(a, b, options, out);
    if (m === 0 || n === 0) return result;
    if (k === 0) return (result.data.fill(0), result);
    // dgemm reads and writes float64: float32 operands are widened, a float32 result rounded.
    const c = result.data instanceof Float64Array ? result.data : new Float64Array(result.size);
    this.dgemm(
      ROW_MAJOR, transposeA ? TRANS : NO_TRANS, transposeB ? TRANS : NO_TRANS,
      m, n, k, 1, float64(a.data), Math.max(a.cols, 1), float64(b.data), Math.max(b.cols, 1), 0, c, Math.max(n, 1),
    );
    if (c !== result.data) result.data.set(c);
    return result;
  }

  transpose(a: Matrix, out?: Matrix): Matrix {
    return this.rest.transpose(a, out);
  }

  add(a: Matrix, b: Matrix, out?: Matrix): Matrix {
    return this.rest.add(a, b, out);
  }

  sub(a: Matrix, b: Matrix, out?: Matrix): Matrix {
    return this.rest.sub(a, b, out);
  }

  mul(a: Matrix, b: Matrix, out?: Matrix): Matrix {
    return this.rest.mul(a, b, out);
  }

  scale(a: Matrix, factor: number, out?: Matrix): Matrix {
    return this.rest.scale(a, factor, out);
  }

  addScaled(a: Matrix, b: Matrix, factor: number, out?: Matrix): Matrix {
    return this.rest.addScaled(a, b, factor, out);
  }

  addRowVector(a: Matrix, row: Matrix, out?: Matrix): Matrix {
    return this.rest.addRowVector(a, row, out);
  }

  mulRowVector(a: Matrix, row: Matrix, out?: Matrix): Matrix {
    return this.rest.mulRowVector(a, row, out);
  }

  map(a: Matrix, fn: (x: number) => number, out?: Matrix): Matrix {
    return this.rest.map(a, fn, out);
  }

  sigmoid(a: Matrix, out?: Matrix): Matrix {
    return this.rest.sigmoid(a, out);
  }

  sigmoidDerivative(y: Matrix, out?: Matrix): Matrix {
    return this.rest.sigmoidDerivative(y, out);
  }

  sigmoidBackward(grad: Matrix, y: Matrix, out?: Matrix): Matrix {
    return this.rest.sigmoidBackward(grad, y, out);
  }

  tanh(a: Matrix, out?: Matrix): Matrix {
    return this.rest.tanh(a, out);
  }

  tanhDerivative(y: Matrix, out?: Matrix): Matrix {
    return this.rest.tanhDerivative(y, out);
  }

  tanhBackward(grad: Matrix, y: Matrix, out?: Matrix): Matrix {
    return this.rest.tanhBackward(grad, y, out);
  }

  relu(a: Matrix, out?: Matrix): Matrix {
    return this.rest.relu(a, out);
  }

  reluDerivative(y: Matrix, out?: Matrix): Matrix {
    return this.rest.reluDerivative(y, out);
  }

  reluBackward(grad: Matrix, y: Matrix, out?: Matrix): Matrix {
    return this.rest.reluBackward(grad, y, out);
  }

  sumColumns(a: Matrix, out?: Matrix): Matrix {
    return this.rest.sumColumns(a, out);
  }

  meanColumns(a: Matrix, out?: Matrix): Matrix {
    return this.rest.meanColumns(a, out);
  }

  varianceColumns(a: Matrix, out?: Matrix): Matrix {
    return this.rest.varianceColumns(a, out);
  }

  sum(a: Matrix): number {
    return this.rest.sum(a);
  }

  dot(a: Matrix, b: Matrix): number {
    return this.rest.dot(a, b);
  }

  concatColumns(parts: readonly Matrix[], out?: Matrix): Matrix {
    return this.rest.concatColumns(parts, out);
  }

  gatherRows(a: Matrix, indices: ArrayLike<number>, out?: Matrix): Matrix {
    return this.rest.gatherRows(a, indices, out);
  }

  argmaxRows(a: Matrix): Int32Array {
    return this.rest.argmaxRows(a);
  }

  clip(a: Matrix, min: number, max: number, out?: Matrix): Matrix {
    return this.rest.clip(a, min, max, out);
  }

  allFinite(a: Matrix): boolean {
    return this.rest.allFinite(a);
  }
}

function float64(data: MatrixData): Float64Array {
  return data instanceof Float64Array ? data : Float64Array.from(data);
}
