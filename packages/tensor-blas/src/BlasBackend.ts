import {
  completeBackend,
  CpuBackend,
  prepareMatmul,
  type BackendKernels,
  type Matrix,
  type MatrixData,
  type MatmulOptions,
  type PartialBackend,
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

// Every op but matmul comes from `rest` (completeBackend, below).
export interface BlasBackend extends BackendKernels {}

/**
 * The `blas` backend (Node.js only): `matmul` through `cblas_dgemm` of the system's OpenBLAS
 * (via koffi, on the `Float64Array`s themselves: no copies; column views through dgemm's leading
 * dimensions; `accumulate` as β = 1), one thread; every other op is its `rest` backend's (wasm,
 * or cpu where wasm does not load), through `completeBackend`. Throws, naming what to install,
 * when the library is missing.
 *
 * @example
 * ```ts
 * const blas = new BlasBackend();
 * blas.matmul(Matrix.fromArray([[1, 2]]), Matrix.fromArray([[3], [4]])).toArray(); // [[11]]
 * ```
 */
export class BlasBackend implements PartialBackend {
  readonly name = 'blas';
  private readonly dgemm: Dgemm;
  /** The backend of every op but `matmul`. */
  readonly rest: TensorBackend;

  constructor(options: BlasBackendOptions = {}) {
    this.dgemm = openBlasDgemm(options.library);
    this.rest = options.rest ?? (wasmBackendLoads() ? new WasmBackend() : new CpuBackend());
  }

  matmul(a: Matrix, b: Matrix, options?: MatmulOptions, out?: Matrix): Matrix {
    const { transposeA, transposeB, accumulate, m, k, n, result } = prepareMatmul(a, b, options, out);
    if (m === 0 || n === 0) return result;
    if (k === 0) return accumulate ? result : fillZero(result);
    // dgemm reads and writes float64: float32 operands are widened, a float32 result rounded.
    // A view's rows are `stride` apart: that is dgemm's leading dimension.
    const ldc = strideOf(result);
    const c =
      result.data instanceof Float64Array
        ? result.data
        : accumulate || ldc !== n
          ? Float64Array.from(result.data)
          : new Float64Array(result.size);
    this.dgemm(
      ROW_MAJOR, transposeA ? TRANS : NO_TRANS, transposeB ? TRANS : NO_TRANS,
      m, n, k, 1, float64(a.data), Math.max(strideOf(a), 1), float64(b.data), Math.max(strideOf(b), 1),
      accumulate ? 1 : 0, c, Math.max(ldc, 1),
    );
    if (c !== result.data) result.data.set(c);
    return result;
  }
}

function float64(data: MatrixData): Float64Array {
  return data instanceof Float64Array ? data : Float64Array.from(data);
}

/** A view's row stride, else `cols`. */
function strideOf(m: Matrix): number {
  return m.stride > m.cols ? m.stride : m.cols;
}

function fillZero(m: Matrix): Matrix {
  const stride = strideOf(m);
  if (stride === m.cols) m.data.fill(0);
  else for (let r = 0; r < m.rows; r++) m.data.fill(0, r * stride, r * stride + m.cols);
  return m;
}

completeBackend(BlasBackend, { strided: ['matmul'], reference: (backend) => backend.rest });
