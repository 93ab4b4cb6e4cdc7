import { Matrix } from '@synthgrad/tensor';

/** `buffer` when it already has the shape, else a new matrix: no allocation while the batch size holds. */
export function reuseMatrix(buffer: Matrix | undefined, rows: number, cols: number): Matrix {
  return buffer !== undefined && buffer.rows === rows && buffer.cols === cols ? buffer : new Matrix(rows, cols);
}
