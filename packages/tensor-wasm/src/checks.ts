import { Matrix, ShapeError } from '@synthgrad/tensor';

// The same checks and messages as @synthgrad/tensor's backends (its own checks are internal), so
// users and the shared contract suite see one wording whichever backend runs.

/** The result of `op` when `out` is absent, or `out` once its shape is confirmed. */
export function resultMatrix(op: string, rows: number, cols: number, out?: Matrix): Matrix {
  if (out === undefined) return new Matrix(rows, cols);
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

/** Ops that read operands while writing `out` cannot let the two share memory. */
export function assertNotAliased(op: string, out: Matrix, operand: Matrix): void {
  const x = out.data;
  const y = operand.data;
  if (x.buffer !== y.buffer || x.length === 0 || y.length === 0) return;
  if (x.byteOffset < y.byteOffset + y.byteLength && y.byteOffset < x.byteOffset + x.byteLength) {
    throw new RangeError(`${op}: out must not share memory with an operand`);
  }
}

export function assertClipBounds(min: number, max: number): void {
  if (!(min <= max)) throw new RangeError(`clip: min ${min} must not exceed max ${max}`);
}
