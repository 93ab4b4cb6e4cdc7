import { ShapeError } from './errors.js';

/** How a matrix stores its values: 64-bit (the default) or 32-bit IEEE floats. */
export type DType = 'float64' | 'float32';

/** A matrix's storage: a `Float64Array` for `'float64'`, a `Float32Array` for `'float32'`. */
export type MatrixData = Float64Array | Float32Array;

const DTYPES: readonly DType[] = ['float64', 'float32'];

/**
 * A dense rows × cols matrix, stored row-major in a `Float64Array` (dtype `'float64'`, the default)
 * or a `Float32Array` (`'float32'`). Values written to a float32 matrix are rounded to float32.
 *
 * @example
 * ```ts
 * const m = Matrix.fromArray([[1, 2], [3, 4]]);
 * m.get(1, 0); // 3
 * Matrix.zeros(2, 3, 'float32').dtype; // 'float32'
 * ```
 */
export class Matrix {
  readonly rows: number;
  readonly cols: number;
  readonly data: MatrixData;

  constructor(rows: number, cols: number, data?: MatrixData) {
    assertDimension('rows', rows);
    assertDimension('cols', cols);
    if (data !== undefined && data.length !== rows * cols) {
      throw new ShapeError(
        `Matrix: data has ${data.length} values, ${rows}×${cols} needs ${rows * cols}`,
      );
    }
    this.rows = rows;
    this.cols = cols;
    if (data !== undefined && !(data instanceof Float64Array) && !(data instanceof Float32Array)) {
      throw new TypeError('Matrix: data must be a Float64Array or a Float32Array');
    }
    this.data = data ?? new Float64Array(rows * cols);
  }

  /** A zero-filled rows × cols matrix of `dtype` (default `'float64'`). */
  static zeros(rows: number, cols: number, dtype: DType = 'float64'): Matrix {
    assertDType(dtype);
    return dtype === 'float32'
      ? new Matrix(rows, cols, new Float32Array(checkedSize(rows, cols)))
      : new Matrix(rows, cols);
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

  /** `'float32'` when the values are a `Float32Array`, else `'float64'`. */
  get dtype(): DType {
    return this.data instanceof Float32Array ? 'float32' : 'float64';
  }

  /** This matrix when it is of `dtype` already, else a copy converted to it (rounded to float32). */
  astype(dtype: DType): Matrix {
    assertDType(dtype);
    if (dtype === this.dtype) return this;
    const data = dtype === 'float32' ? Float32Array.from(this.data) : Float64Array.from(this.data);
    return new Matrix(this.rows, this.cols, data);
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
  row(r: number): MatrixData {
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
   * of the same kind and dtype (a backend's own matrices stay the backend's); values are not kept.
   * {@link bufferOfShape} calls it, so batch buffers reshape without reallocating.
   */
  resized(rows: number, cols: number): Matrix {
    const { buffer: storage, byteOffset, BYTES_PER_ELEMENT: bytes } = this.data;
    const float32 = this.data instanceof Float32Array;
    if (storage.byteLength - byteOffset >= rows * cols * bytes) {
      return new Matrix(
        rows,
        cols,
        float32 ? new Float32Array(storage, byteOffset, rows * cols) : new Float64Array(storage, byteOffset, rows * cols),
      );
    }
    return Matrix.zeros(rows, cols, float32 ? 'float32' : 'float64');
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

function assertDType(dtype: DType): void {
  if (!DTYPES.includes(dtype)) {
    throw new TypeError(`Matrix: dtype must be 'float64' or 'float32', got ${String(dtype)}`);
  }
}

function checkedSize(rows: number, cols: number): number {
  assertDimension('rows', rows);
  assertDimension('cols', cols);
  return rows * cols;
}

function assertDimension(name: string, value: number): void {
  if (!Number.isInteger(value) || value < 0) {
    throw new ShapeError(`Matrix: ${name} must be a non-negative integer, got ${value}`);
  }
}
