import { resolve } from 'node:path';
import { ConfigError, describeValue, readOptions, type Dataset, type DatasetPlugin, type DatasetTask } from '@synthgrad/core';
import { Matrix } from '@synthgrad/tensor';
import { datasetFromArrays, type ArraySplit } from '@synthgrad/datasets';
import { readTableFile } from './readTableFile.js';

const NAME = 'arrays';
const SPLITS = ['train', 'validation', 'test'] as const;

/** One split's files: one CSV (or `.npy`) with the label column(s) in it, or separate inputs and labels files. */
export type ArraysSplitFiles = string | { readonly inputs: string; readonly labels: string };

/** A label column of a one-file split: its name in the CSV header, or its index from 0 (negative: from the end, −1 = last). */
export type LabelColumn = string | number;

/** Options of `arrays`. */
export interface ArraysDatasetOptions {
  /** `classification` (default; labels are class indices or one-hot) or `binary-digits` (labels are 0/1 columns). */
  readonly task?: DatasetTask;
  /** Classification: the number of classes (default: the largest class index + 1, or the one-hot width). */
  readonly classes?: number;
  readonly train: ArraysSplitFiles;
  readonly validation?: ArraysSplitFiles;
  readonly test: ArraysSplitFiles;
  /** The label column(s) of one-file splits (default −1, the last column); every other column is an input. */
  readonly label?: LabelColumn | readonly LabelColumn[];
  /** Whether CSV files start with a header line (default: when the first line has a field that is not a number). */
  readonly header?: boolean;
  /** The folder relative file names are resolved against (default: the current directory; the CLI passes the suite file's folder). */
  readonly baseDir?: string;
}

const KNOWN = ['task', 'classes', 'train', 'validation', 'test', 'label', 'header', 'baseDir'];

/**
 * `arrays`: your own data, from `.csv` and NumPy `.npy` files — a train and a test split, and
 * optionally a validation split. Each split is either one file whose `label` column(s) (default: the
 * last) hold the labels and every other column an input, or `{ inputs, labels }`, two files. Labels
 * follow the `task`: for `classification` (the default), one column of class indices (0 … classes−1)
 * or one-hot columns; for `binary-digits`, 0/1 columns. A 1-D `.npy` of labels (`np.save("y.npy", y)`
 * of n values) is read as one column. `.npy` files must be float64 or float32.
 *
 * Relative names are resolved against `baseDir` (the `synthgrad` CLI sets it to the suite file's
 * folder), else the current directory. Only regular files are read, up to 256 MiB each (no symbolic
 * links, FIFOs or devices). Every check of `datasetFromArrays` applies; errors name the split, the
 * file and the row and column.
 *
 * @example
 * ```ts
 * // suite.json: "dataset": { "name": "arrays", "options": { "train": "train.csv", "validation": "validation.csv", "test": "test.csv" } }
 * const data = await arraysDataset.load({ train: 'train.csv', test: 'test.csv', label: 'species' });
 * data.train.labels.shape; // "n×classes" (one-hot)
 * const digits = await arraysDataset.load({ task: 'binary-digits', train: { inputs: 'x.npy', labels: 'y.npy' }, test: { inputs: 'xt.npy', labels: 'yt.npy' } });
 * ```
 */
export const arraysDataset: DatasetPlugin<ArraysDatasetOptions> = {
  name: NAME,
  description: 'your own data from .csv or .npy files (train, optional validation, test splits)',
  async load(options?: ArraysDatasetOptions): Promise<Dataset> {
    const record = readOptions(NAME, options, KNOWN);
    const task = record.task ?? 'classification';
    if (task !== 'classification' && task !== 'binary-digits') {
      throw new ConfigError(`${NAME}.task`, `must be "classification" or "binary-digits", got ${describeValue(task)}`);
    }
    const header = record.header;
    if (header !== undefined && typeof header !== 'boolean') throw new ConfigError(`${NAME}.header`, `must be true or false, got ${describeValue(header)}`);
    const baseDir = record.baseDir;
    if (baseDir !== undefined && (typeof baseDir !== 'string' || baseDir === '')) {
      throw new ConfigError(`${NAME}.baseDir`, `must be a non-empty string (a folder), got ${describeValue(baseDir)}`);
    }
    const labels = readLabelColumns(record.label);
    const named = SPLITS.map((split) => [split, readSplitFiles(split, record[split])] as const);
    const splits: Partial<Record<(typeof SPLITS)[number], ArraySplit>> = {};
    for (const [split, files] of named) {
      if (files === undefined) continue;
      const path = (file: string) => resolve(baseDir ?? process.cwd(), file);
      const read = (file: string, label: string) => readTableFile(path(file), label, header === undefined ? {} : { header });
      if (typeof files === 'string') {
        const table = await read(files, `${NAME}.${split}`);
        splits[split] = { ...splitColumns(table, labels, `${NAME}.${split} (${path(files)})`), inputsSource: path(files), labelsSource: path(files) };
      } else {
        const [inputs, labelTable] = await Promise.all([read(files.inputs, `${NAME}.${split}.inputs`), read(files.labels, `${NAME}.${split}.labels`)]);
        splits[split] = {
          inputs: inputs.table,
          labels: asColumn(labelTable.table, inputs.table.rows),
          inputsSource: path(files.inputs),
          labelsSource: path(files.labels),
        };
      }
    }
    const classes = record.classes;
    return datasetFromArrays({
      name: NAME,
      task,
      ...(classes !== undefined ? { classes: classes as number } : {}),
      train: splits.train!,
      ...(splits.validation ? { validation: splits.validation } : {}),
      test: splits.test!,
    });
  },
};

function readSplitFiles(split: string, value: unknown): ArraysSplitFiles | undefined {
  const path = `${NAME}.${split}`;
  if (value === undefined) {
    if (split === 'validation') return undefined;
    throw new ConfigError(path, 'is missing; name a file ("train.csv") or { "inputs": "x.npy", "labels": "y.npy" }');
  }
  if (typeof value === 'string' && value !== '') return value;
  if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
    const { inputs, labels, ...rest } = value as Record<string, unknown>;
    const extra = Object.keys(rest);
    if (extra.length) throw new ConfigError(path, `unknown key "${extra[0]}"; known: "inputs", "labels"`);
    for (const [key, file] of [['inputs', inputs], ['labels', labels]] as const) {
      if (typeof file !== 'string' || file === '') throw new ConfigError(`${path}.${key}`, `must be a file name, got ${describeValue(file)}`);
    }
    return { inputs: inputs as string, labels: labels as string };
  }
  throw new ConfigError(path, `must be a file name or { "inputs": …, "labels": … }, got ${describeValue(value)}`);
}

function readLabelColumns(value: unknown): readonly LabelColumn[] {
  if (value === undefined) return [-1];
  const list = Array.isArray(value) ? value : [value];
  if (list.length === 0) throw new ConfigError(`${NAME}.label`, 'must name at least one column');
  for (const column of list) {
    if (!((typeof column === 'string' && column !== '') || Number.isSafeInteger(column))) {
      throw new ConfigError(`${NAME}.label`, `must be a column name or an integer index (or a list of them), got ${describeValue(value)}`);
    }
  }
  return list as LabelColumn[];
}

/** Splits one table into input and label columns. */
function splitColumns(file: { readonly columns?: readonly string[]; readonly table: Matrix }, labels: readonly LabelColumn[], path: string): { inputs: Matrix; labels: Matrix } {
  const { columns, table } = file;
  const indices = labels.map((label) => {
    if (typeof label === 'string') {
      if (!columns) throw new ConfigError(path, `label column "${label}" is named, but the file has no header line`);
      const index = columns.indexOf(label);
      if (index < 0) throw new ConfigError(path, `no column "${label}"; the columns are ${columns.map((c) => `"${c}"`).join(', ')}`);
      return index;
    }
    const index = label < 0 ? table.cols + label : label;
    if (index < 0 || index >= table.cols) throw new ConfigError(path, `label column ${label} is outside the file's ${table.cols} columns`);
    return index;
  });
  if (new Set(indices).size !== indices.length) throw new ConfigError(path, `a label column is named twice: ${describeValue(labels)}`);
  const inputIndices = [...Array(table.cols).keys()].filter((j) => !indices.includes(j));
  if (inputIndices.length === 0) throw new ConfigError(path, 'every column is a label column; no inputs are left');
  return { inputs: pick(table, inputIndices), labels: pick(table, indices) };
}

function pick(table: Matrix, indices: readonly number[]): Matrix {
  const out = new Matrix(table.rows, indices.length);
  for (let i = 0; i < table.rows; i++) {
    for (let j = 0; j < indices.length; j++) out.data[i * indices.length + j] = table.data[i * table.cols + indices[j]];
  }
  return out;
}

/** A 1-D `.npy` of n labels reads as 1 × n; with n inputs rows (n > 1) it is a column. */
function asColumn(labels: Matrix, rows: number): Matrix {
  if (labels.rows !== 1 || labels.cols !== rows || rows === 1) return labels;
  return new Matrix(rows, 1, labels.data);
}
