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
 * Element (r, c) is `data[r * stride + c]`. `stride` is `cols` (the matrix is contiguous) except
 * for a column view ({@link Matrix.columns}), whose rows lie `stride` values apart in its parent's
 * storage; its `data` then runs from its first element to its last, `(rows − 1)·stride + cols`
 * values, the parent's other columns included.
 *
 * @example
 * ```ts
 * const m = Matrix.fromArray([[1, 2], [3, 4]]);
 * m.get(1, 0); // 3
 * Matrix.zeros(2, 3, 'float32').dtype; // 'float32'
 * m.columns(1, 1).toArray(); // [[2], [4]]: a view, no copy
 * ```
 */
export class Matrix {
  readonly rows: number;
  readonly cols: number;
  readonly data: MatrixData;
  /** Values from the start of one row to the start of the next: `cols`, or more for a column view. */
  readonly stride: number;

  /**
   * @param stride values between the starts of two rows (default `cols`); larger for a view of
   *   some columns of a wider matrix, whose `data` then holds `(rows − 1)·stride + cols` values.
   */
  constructor(rows: number, cols: number, data?: MatrixData, stride: number = cols) {
    assertDimension('rows', rows);
    assertDimension('cols', cols);
    if (stride !== cols) {
      if (!Number.isInteger(stride) || stride < cols) {
        throw new ShapeError(`Matrix: stride must be an integer ≥ cols (${cols}), got ${stride}`);
      }
      if (rows <= 1) stride = cols;
    }
    const length = stride === cols ? rows * cols : (rows - 1) * stride + cols;
    if (data !== undefined && data.length !== length) {
      throw new ShapeError(
        stride === cols
          ? `Matrix: data has ${data.length} values, ${rows}×${cols} needs ${rows * cols}`
          : `Matrix: data has ${data.length} values, ${rows}×${cols} with stride ${stride} needs ${length}`,
      );
    }
    if (stride !== cols && data === undefined) {
      throw new ShapeError('Matrix: a stride needs the data it strides over');
    }
    this.rows = rows;
    this.cols = cols;
    if (data !== undefined && !(data instanceof Float64Array) && !(data instanceof Float32Array)) {
      throw new TypeError('Matrix: data must be a Float64Array or a Float32Array');
    }
    this.data = data ?? new Float64Array(rows * cols);
    this.stride = stride;
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
    if (this.stride !== this.cols) return Matrix.zeros(this.rows, this.cols, dtype).copyFrom(this);
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
    return this.data[row * this.stride + col];
  }

  set(row: number, col: number, value: number): void {
    this.data[row * this.stride + col] = value;
  }

  /** A view (no copy) of one row. */
  row(r: number): MatrixData {
    return this.data.subarray(r * this.stride, r * this.stride + this.cols);
  }

  /** True unless this is a column view whose rows are apart in storage (`stride > cols`). */
  get contiguous(): boolean {
    return this.stride === this.cols;
  }

  /**
   * A view (no copy) of columns `start … start + count − 1`: a rows × count matrix on this one's
   * storage, with this one's row stride, so writing either writes both. Every backend accepts
   * views as operands and `out` (backend kernels that need contiguous values get copies; see
   * `completeBackend`). A view of a single row, or of every column, is contiguous.
   *
   * @example
   * ```ts
   * const gates = Matrix.zeros(32, 4 * 64);    // one batch × 4H product
   * const input = gates.columns(0, 64);        // 32×64, stride 256
   * backend.sigmoid(input, input);             // in place, in gates' storage
   * ```
   */
  columns(start: number, count: number): Matrix {
    if (!Number.isInteger(start) || !Number.isInteger(count) || start < 0 || count < 0 || start + count > this.cols) {
      throw new RangeError(`columns: ${start} … ${start + count - 1} (${count} columns) are not columns of (${this.shape})`);
    }
    const stride = this.rows <= 1 ? count : this.stride;
    const first = start;
    const length = this.rows === 0 ? 0 : (this.rows - 1) * stride + count;
    return new Matrix(this.rows, count, this.data.subarray(first, first + length), stride);
  }

  hasShape(rows: number, cols: number): boolean {
    return this.rows === rows && this.cols === cols;
  }

  sameShape(other: Matrix): boolean {
    return this.rows === other.rows && this.cols === other.cols;
  }

  /** A contiguous copy (of the same dtype). */
  clone(): Matrix {
    if (!(this.stride > this.cols)) return new Matrix(this.rows, this.cols, this.data.slice());
    const copy = Matrix.zeros(this.rows, this.cols, this.dtype);
    copy.copyFrom(this);
    return copy;
  }

  /**
   * A rows × cols matrix on this one's storage when that holds enough values, else on new storage
   * of the same kind and dtype (a backend's own matrices stay the backend's); values are not kept.
   * {@link bufferOfShape} calls it, so batch buffers reshape without reallocating.
   */
  resized(rows: number, cols: number): Matrix {
    // A column view's storage is its parent's: it never grows over the parent's other columns.
    if (this.stride !== this.cols) return Matrix.zeros(rows, cols, this.dtype);
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
    if (!(this.stride > this.cols) && !(other.stride > other.cols)) {
      this.data.set(other.data);
      return this;
    }
    for (let r = 0; r < this.rows; r++) this.data.set(other.row(r), r * this.stride);
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
