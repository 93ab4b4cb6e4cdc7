import { Matrix, ShapeError } from '@synthgrad/tensor';

/** `out` checked to be rows × cols, or a new matrix when none was given (the backend ops' convention). */
export function resultBuffer(op: string, rows: number, cols: number, out: Matrix | undefined): Matrix {
  if (out === undefined) return new Matrix(rows, cols);
  if (!out.hasShape(rows, cols)) {
    throw new ShapeError(`${op}: out is ${out.shape} but the result is ${rows}×${cols}`);
  }
  return out;
}
