import { Matrix, type DType, type MatrixData } from '../Matrix.js';
import { ShapeError } from '../errors.js';
import type { MatmulOptions } from '../TensorBackend.js';

// Every backend throws the same messages, so users (and the contract suite) see one wording.

/**
 * The result of `op` when `out` is absent (a new matrix of `dtype`, a backend's `dtype`), or `out`
 * once its shape is confirmed (of either dtype: values are rounded on store when it is float32).
 */
export function resultMatrix(op: string, rows: number, cols: number, out?: Matrix, dtype: DType = 'float64'): Matrix {
  if (out === undefined) return dtype === 'float64' ? new Matrix(rows, cols) : Matrix.zeros(rows, cols, dtype);
  if (out.rows !== rows || out.cols !== cols) {
    throw new ShapeError(`${op}: out is (${out.shape}), the result is (${rows}×${cols})`);
  }
  return out;
}

export function assertSameShape(op: string, a: Matrix, b: Matrix): void {
  if (a.rows !== b.rows || a.cols !== b.cols) {
    throw new ShapeError(`${op}: (${a.shape}), (${b.shape}): shapes differ`);
  }
}

export function assertRowVectorFits(op: string, a: Matrix, row: Matrix): void {
  if (row.rows !== 1 || row.cols !== a.cols) {
    throw new ShapeError(`${op}: (${a.shape}), (${row.shape}): the row vector must be 1×${a.cols}`);
  }
}

/** Throws unless the inner sizes of `op(A)·op(B)` agree. */
export function assertMatmulFits(a: Matrix, b: Matrix, transposeA: boolean, transposeB: boolean): void {
  const innerA = transposeA ? a.rows : a.cols;
  const innerB = transposeB ? b.cols : b.rows;
  if (innerA !== innerB) {
    throw new ShapeError(
      `matmul: (${a.shape})${transposeA ? 'ᵀ' : ''}·(${b.shape})${transposeB ? 'ᵀ' : ''}: ` +
        `inner sizes ${innerA} ≠ ${innerB}`,
    );
  }
}

/** What every backend's `matmul` needs before it multiplies: {@link prepareMatmul}. */
export interface PreparedMatmul {
  readonly transposeA: boolean;
  readonly transposeB: boolean;
  /** Whether the product is added to `out` (which is then given). */
  readonly accumulate: boolean;
  /** Rows of the result, inner size, columns of the result. */
  readonly m: number;
  readonly k: number;
  readonly n: number;
  /** `out` once its shape is confirmed, else a new m × n matrix. */
  readonly result: Matrix;
}

/**
 * Checks a product `op(A)·op(B)` (inner sizes, `out`'s shape, `out` given when it accumulates,
 * `out` not sharing memory with an operand) and gives its sizes and result matrix, with the library's one wording of each error.
 */
export function prepareMatmul(
  a: Matrix,
  b: Matrix,
  options: MatmulOptions | undefined,
  out?: Matrix,
  dtype: DType = 'float64',
): PreparedMatmul {
  const transposeA = options?.transposeA === true;
  const transposeB = options?.transposeB === true;
  const accumulate = options?.accumulate === true;
  assertMatmulFits(a, b, transposeA, transposeB);
  if (accumulate && out === undefined) {
    throw new TypeError('matmul: accumulate adds the product to out, so out must be given');
  }
  const m = transposeA ? a.cols : a.rows;
  const n = transposeB ? b.rows : b.cols;
  const k = transposeA ? a.rows : a.cols;
  const result = resultMatrix('matmul', m, n, out, dtype);
  if (out !== undefined) {
    assertNotAliased('matmul', out, a);
    assertNotAliased('matmul', out, b);
  }
  return { transposeA, transposeB, accumulate, m, k, n, result };
}

/** Ops that read operands while writing `out` cannot let the two share memory. */
export function assertNotAliased(op: string, out: Matrix, operand: Matrix): void {
  if (overlaps(out.data, operand.data)) {
    throw new RangeError(`${op}: out must not share memory with an operand`);
  }
}

function overlaps(x: MatrixData, y: MatrixData): boolean {
  if (x.buffer !== y.buffer || x.length === 0 || y.length === 0) return false;
  return x.byteOffset < y.byteOffset + y.byteLength && y.byteOffset < x.byteOffset + x.byteLength;
}

export function assertConcatenable(parts: readonly Matrix[]): { rows: number; cols: number } {
  if (parts.length === 0) throw new ShapeError('concatColumns: no parts given');
  const rows = parts[0].rows;
  let cols = 0;
  for (let i = 0; i < parts.length; i++) {
    if (parts[i].rows !== rows) {
      throw new ShapeError(
        `concatColumns: (${parts[0].shape}), (${parts[i].shape}): row counts differ (part 0 and part ${i})`,
      );
    }
    cols += parts[i].cols;
  }
  return { rows, cols };
}

export function assertRowIndices(op: string, a: Matrix, indices: ArrayLike<number>): void {
  for (let i = 0; i < indices.length; i++) {
    const index = indices[i];
    if (!Number.isInteger(index) || index < 0 || index >= a.rows) {
      throw new RangeError(`${op}: index ${index} (at position ${i}) is not a row of (${a.shape})`);
    }
  }
}

export function assertClipBounds(min: number, max: number): void {
  if (!(min <= max)) throw new RangeError(`clip: min ${min} must not exceed max ${max}`);
}
