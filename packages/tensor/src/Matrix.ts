import { ShapeError } from './errors.js';

/**
 * A dense rows × cols matrix of float64, stored row-major.
 *
 * @example
 * ```ts
 * const m = Matrix.fromArray([[1, 2], [3, 4]]);
 * m.get(1, 0); // 3
 * ```
 */
export class Matrix {
  readonly rows: number;
  readonly cols: number;
  readonly data: Float64Array;

  constructor(rows: number, cols: number, data?: Float64Array) {
    assertDimension('rows', rows);
    assertDimension('cols', cols);
    if (data !== undefined && data.length !== rows * cols) {
      throw new ShapeError(
        `Matrix: data has ${data.length} values, ${rows}×${cols} needs ${rows * cols}`,
      );
    }
    this.rows = rows;
    this.cols = cols;
    this.data = data ?? new Float64Array(rows * cols);
  }

  static zeros(rows: number, cols: number): Matrix {
    return new Matrix(rows, cols);
  }

  static ones(rows: number, cols: number): Matrix {
    return Matrix.filled(rows, cols, 1);
  }

  static filled(rows: number, cols: number, value: number): Matrix {
    const m = new Matrix(rows, cols);
    m.data.fill(value);
    return m;
  }

  /** A matrix from nested arrays; every row must have the same length. */
  static fromArray(values: ReadonlyArray<ArrayLike<number>>): Matrix {
    return Matrix.fromRows(values);
  }

  /** A matrix whose rows are the given vectors. */
  static fromRows(rows: ReadonlyArray<ArrayLike<number>>): Matrix {
    if (rows.length === 0) throw new ShapeError('Matrix.fromRows: no rows given');
    const cols = rows[0].length;
    const m = new Matrix(rows.length, cols);
    for (let r = 0; r < rows.length; r++) {
      const row = rows[r];
      if (row.length !== cols) {
        throw new ShapeError(`Matrix.fromRows: row ${r} has ${row.length} values, row 0 has ${cols}`);
      }
      for (let c = 0; c < cols; c++) m.data[r * cols + c] = row[c];
    }
    return m;
  }

  /** A 1 × n matrix. */
  static rowVector(values: ArrayLike<number>): Matrix {
    return new Matrix(1, values.length, Float64Array.from(values));
  }

  get size(): number {
    return this.rows * this.cols;
  }

  /** `"rows×cols"`, as used in error messages. */
  get shape(): string {
    return `${this.rows}×${this.cols}`;
  }

  get(row: number, col: number): number {
    return this.data[row * this.cols + col];
  }

  set(row: number, col: number, value: number): void {
    this.data[row * this.cols + col] = value;
  }

  /** A view (no copy) of one row. */
  row(r: number): Float64Array {
    return this.data.subarray(r * this.cols, (r + 1) * this.cols);
  }

  hasShape(rows: number, cols: number): boolean {
    return this.rows === rows && this.cols === cols;
  }

  sameShape(other: Matrix): boolean {
    return this.rows === other.rows && this.cols === other.cols;
  }

  clone(): Matrix {
    return new Matrix(this.rows, this.cols, this.data.slice());
  }

  /**
   * A rows × cols matrix on this one's storage when that holds enough values, else on new storage
   * of the same kind (a backend's own matrices stay the backend's); values are not kept.
   * {@link bufferOfShape} calls it, so batch buffers reshape without reallocating.
   */
  resized(rows: number, cols: number): Matrix {
    const { buffer: storage, byteOffset } = this.data;
    if (storage.byteLength - byteOffset >= rows * cols * Float64Array.BYTES_PER_ELEMENT) {
      return new Matrix(rows, cols, new Float64Array(storage, byteOffset, rows * cols));
    }
    return new Matrix(rows, cols);
  }

  /** Copies `other`'s values into this matrix (same shape required). */
  copyFrom(other: Matrix): this {
    if (!this.sameShape(other)) {
      throw new ShapeError(`copyFrom: (${this.shape}) ← (${other.shape}): shapes differ`);
    }
    this.data.set(other.data);
    return this;
  }

  toArray(): number[][] {
    const out: number[][] = [];
    for (let r = 0; r < this.rows; r++) out.push(Array.from(this.row(r)));
    return out;
  }
}

function assertDimension(name: string, value: number): void {
  if (!Number.isInteger(value) || value < 0) {
    throw new ShapeError(`Matrix: ${name} must be a non-negative integer, got ${value}`);
  }
}
