import { ConfigError, describeValue, type Dataset, type DatasetSplit, type DatasetTask } from '@synthgrad/core';
import { Matrix } from '@synthgrad/tensor';

/** A table of numbers, one example per row: a `Matrix` or an array of rows. */
export type ArrayTable = Matrix | ReadonlyArray<ArrayLike<number>>;

/** One split's examples: `inputs` n × inputSize; `labels` n rows (see {@link datasetFromArrays} for their format per task). */
export interface ArraySplit {
  readonly inputs: ArrayTable;
  /** A table, or a flat list of n numbers (one label column; for `classification`, class indices). */
  readonly labels: ArrayTable | ArrayLike<number>;
  /** Where the inputs came from (a file), named in error messages. */
  readonly inputsSource?: string;
  /** Where the labels came from (a file), named in error messages. */
  readonly labelsSource?: string;
}

/** What {@link datasetFromArrays} builds a dataset from. */
export interface DatasetFromArraysOptions {
  /** The dataset's name, also the start of every error message (default `"arrays"`). */
  readonly name?: string;
  /** `classification` (labels: class indices or one-hot rows) or `binary-digits` (labels: 0/1 columns). */
  readonly task: DatasetTask;
  /**
   * Classification only: the number of classes. With class indices it defaults to the largest index
   * (over all splits) + 1; with one-hot labels it must equal their column count.
   */
  readonly classes?: number;
  readonly train: ArraySplit;
  /** Optional: held out for every choice made while experimenting (best epoch, which configuration wins). */
  readonly validation?: ArraySplit;
  readonly test: ArraySplit;
}

const SPLITS = ['train', 'validation', 'test'] as const;
type SplitName = (typeof SPLITS)[number];

/**
 * A {@link Dataset} from arrays you already hold, checked before anything trains on it. Every split
 * needs at least one row, as many label rows as input rows, the same input (and label) column count
 * as the other splits, and only finite numbers. Labels per task:
 * - `classification`: one label column (or a flat list) of class indices — integers 0 … classes−1,
 *   turned into one-hot rows — or one-hot rows already (0/1, exactly one 1 per row);
 * - `binary-digits`: any number of label columns, every value 0 or 1.
 *
 * The numbers are copied (as float64), so later changes to your arrays do not reach the dataset. Anything
 * wrong throws a `ConfigError` naming the split, the table and, for a bad value, its row and column
 * (counting from 0), e.g. `arrays.validation.labels: row 7, column 0 is 3.5; class indices must be
 * integers from 0 to 2`.
 *
 * @example
 * ```ts
 * const data = datasetFromArrays({
 *   task: 'classification',
 *   train: { inputs: [[0, 0], [0, 1], [1, 0], [1, 1]], labels: [0, 1, 1, 0] },
 *   test: { inputs: [[1, 1], [0, 1]], labels: [0, 1] },
 * });
 * data.train.labels.shape; // "4×2" (one-hot)
 * ```
 */
export function datasetFromArrays(options: DatasetFromArraysOptions): Dataset {
  const name = options.name ?? 'arrays';
  const { task } = options;
  if (task !== 'classification' && task !== 'binary-digits') {
    throw new ConfigError(`${name}.task`, `must be "classification" or "binary-digits", got ${describeValue(task)}`);
  }
  const present = SPLITS.filter((split) => options[split] !== undefined);
  for (const split of ['train', 'test'] as const) {
    if (options[split] === undefined) throw new ConfigError(`${name}.${split}`, 'is missing; train and test are required, validation is optional');
  }
  const tables = new Map<SplitName, { inputs: Matrix; labels: Matrix }>();
  for (const split of present) {
    const { inputs, labels, inputsSource, labelsSource } = options[split]!;
    const where = (part: string, source: string | undefined) => `${name}.${split}.${part}${source ? ` (${source})` : ''}`;
    const inputMatrix = toMatrix(inputs, where('inputs', inputsSource), false);
    const labelMatrix = toMatrix(labels, where('labels', labelsSource), true);
    if (labelMatrix.rows !== inputMatrix.rows) {
      throw new ConfigError(
        where('labels', labelsSource),
        `has ${labelMatrix.rows} rows but the inputs have ${inputMatrix.rows}; every example needs one row in each`,
      );
    }
    tables.set(split, { inputs: inputMatrix, labels: labelMatrix });
  }
  const first = tables.get('train')!;
  for (const [split, { inputs }] of tables) {
    if (inputs.cols !== first.inputs.cols) {
      const source = options[split]!.inputsSource;
      throw new ConfigError(
        `${name}.${split}.inputs${source ? ` (${source})` : ''}`,
        `has ${inputs.cols} columns but the train inputs have ${first.inputs.cols}; every split needs the same features`,
      );
    }
  }
  const labelsOf = (split: SplitName, labels: Matrix): Matrix => {
    const source = options[split]!.labelsSource;
    return checkLabels(labels, `${name}.${split}.labels${source ? ` (${source})` : ''}`);
  };
  let checkLabels: (labels: Matrix, path: string) => Matrix;
  if (task === 'binary-digits') {
    checkLabels = binaryDigits;
  } else {
    const classes = classCount(name, options.classes, [...tables.values()].map((t) => t.labels));
    checkLabels = (labels, path) => (labels.cols === 1 ? oneHotOfIndices(labels, classes, path) : checkOneHot(labels, classes, path));
  }
  const splits = new Map<SplitName, DatasetSplit>();
  for (const [split, { inputs, labels }] of tables) splits.set(split, { inputs, labels: labelsOf(split, labels) });
  const train = splits.get('train')!;
  for (const [split, { labels }] of splits) {
    if (labels.cols !== train.labels.cols) {
      const source = options[split]!.labelsSource;
      throw new ConfigError(
        `${name}.${split}.labels${source ? ` (${source})` : ''}`,
        `has ${labels.cols} columns but the train labels have ${train.labels.cols}; every split needs the same label columns`,
      );
    }
  }
  const validation = splits.get('validation');
  return {
    name,
    task,
    inputSize: train.inputs.cols,
    labelSize: train.labels.cols,
    train,
    ...(validation ? { validation } : {}),
    test: splits.get('test')!,
  };
}

/** A float64 copy of a table (or, where `flatAllowed`, of a flat list as one column); shape and finiteness checked. */
function toMatrix(table: ArrayTable | ArrayLike<number>, path: string, flatAllowed: boolean): Matrix {
  if (table instanceof Matrix) {
    if (table.rows === 0 || table.cols === 0) throw new ConfigError(path, `is empty (${table.shape}); it needs at least one row and one column`);
    const copy = new Matrix(table.rows, table.cols);
    copy.data.set(table.data);
    checkFinite(copy, path);
    return copy;
  }
  if (table === null || typeof table !== 'object' || typeof (table as ArrayLike<unknown>).length !== 'number') {
    throw new ConfigError(path, `must be a Matrix or an array of rows, got ${describeValue(table)}`);
  }
  const rows = table as ArrayLike<unknown>;
  if (rows.length === 0) throw new ConfigError(path, 'is empty; it needs at least one row');
  if (typeof rows[0] === 'number') {
    if (!flatAllowed) throw new ConfigError(path, 'must be an array of rows (arrays of numbers), got a flat list of numbers');
    const column = new Matrix(rows.length, 1);
    for (let i = 0; i < rows.length; i++) {
      const value = rows[i];
      if (typeof value !== 'number') throw new ConfigError(path, `entry ${i} is ${describeValue(value)}, not a number`);
      column.data[i] = value;
    }
    checkFinite(column, path);
    return column;
  }
  const width = rowLength(rows[0], 0, path);
  if (width === 0) throw new ConfigError(path, 'row 0 is empty; every row needs at least one column');
  const matrix = new Matrix(rows.length, width);
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i] as ArrayLike<unknown>;
    const length = rowLength(row, i, path);
    if (length !== width) throw new ConfigError(path, `row ${i} has ${length} columns but row 0 has ${width}; every row needs the same number`);
    for (let j = 0; j < width; j++) {
      const value = row[j];
      if (typeof value !== 'number') throw new ConfigError(path, `row ${i}, column ${j} is ${describeValue(value)}, not a number`);
      matrix.data[i * width + j] = value;
    }
  }
  checkFinite(matrix, path);
  return matrix;
}

function rowLength(row: unknown, index: number, path: string): number {
  if (row === null || typeof row !== 'object' || typeof (row as ArrayLike<unknown>).length !== 'number') {
    throw new ConfigError(path, `row ${index} is ${describeValue(row)}, not an array of numbers`);
  }
  return (row as ArrayLike<unknown>).length;
}

function checkFinite(matrix: Matrix, path: string): void {
  const { data, cols } = matrix;
  for (let k = 0; k < data.length; k++) {
    if (!Number.isFinite(data[k])) {
      throw new ConfigError(path, `row ${Math.floor(k / cols)}, column ${k % cols} is ${data[k]}; every value must be a finite number`);
    }
  }
}

function at(matrix: Matrix, k: number): string {
  return `row ${Math.floor(k / matrix.cols)}, column ${k % matrix.cols} is ${matrix.data[k]}`;
}

function binaryDigits(labels: Matrix, path: string): Matrix {
  const k = labels.data.findIndex((v) => v !== 0 && v !== 1);
  if (k >= 0) throw new ConfigError(path, `${at(labels, k)}; binary-digits labels must be 0 or 1`);
  return labels;
}

/** The class count: given (checked), or the largest class index + 1 (index labels), or the one-hot width. */
function classCount(name: string, given: number | undefined, labels: readonly Matrix[]): number {
  if (given !== undefined) {
    if (!Number.isSafeInteger(given) || given < 2) throw new ConfigError(`${name}.classes`, `must be an integer ≥ 2, got ${describeValue(given)}`);
    return given;
  }
  const wide = labels.find((m) => m.cols > 1);
  if (wide) return wide.cols;
  let largest = -Infinity;
  for (const m of labels) for (const v of m.data) if (Number.isInteger(v) && v >= 0 && v > largest) largest = v;
  // Fewer than two classes is refused where the labels are checked (below 2, every index names a missing class).
  return Math.max(largest + 1, 2);
}

function oneHotOfIndices(labels: Matrix, classes: number, path: string): Matrix {
  const oneHot = new Matrix(labels.rows, classes);
  for (let i = 0; i < labels.rows; i++) {
    const index = labels.data[i];
    if (!Number.isInteger(index) || index < 0 || index >= classes) {
      throw new ConfigError(path, `${at(labels, i)}; class indices must be integers from 0 to ${classes - 1}`);
    }
    oneHot.data[i * classes + index] = 1;
  }
  return oneHot;
}

function checkOneHot(labels: Matrix, classes: number, path: string): Matrix {
  if (labels.cols !== classes) {
    throw new ConfigError(path, `has ${labels.cols} one-hot columns but classes is ${classes}`);
  }
  for (let i = 0; i < labels.rows; i++) {
    let ones = 0;
    for (let j = 0; j < labels.cols; j++) {
      const k = i * labels.cols + j;
      const v = labels.data[k];
      if (v !== 0 && v !== 1) throw new ConfigError(path, `${at(labels, k)}; one-hot labels must be 0 or 1 (or give one column of class indices)`);
      ones += v;
    }
    if (ones !== 1) throw new ConfigError(path, `row ${i} has ${ones} ones; a one-hot row has exactly one 1`);
  }
  return labels;
}
