import type { DatasetSplit, DatasetTask, TrainerAlgorithm } from '@synthgrad/core';
import { Matrix, type TensorBackend } from '@synthgrad/tensor';

/** Metrics of a network on one split. Which accuracies appear depends on the task. */
export interface EvaluationMetrics {
  readonly loss: number;
  /** `binary-digits`: fraction of output bits right (output > 0.5 read as 1). Chance is 0.5. */
  readonly bitAccuracy?: number;
  /** `binary-digits`: fraction of examples with every bit right (the exact sum). */
  readonly exactAccuracy?: number;
  /** `classification`: fraction of examples whose largest output is the labelled class. */
  readonly accuracy?: number;
}

/** Threshold that turns an output into a bit: sigmoid outputs, and `out − y` loss, are centred on it. */
const BIT_THRESHOLD = 0.5;

/**
 * Rows evaluated per forward pass: bounds the layers' buffers (they would otherwise grow to the
 * whole split, e.g. 60,000 rows of MNIST per layer) while keeping each pass large enough to be fast.
 */
export const EVALUATION_CHUNK_ROWS = 1024;

/**
 * Loss and accuracies of `algorithm` on `split`, in chunks of {@link EVALUATION_CHUNK_ROWS} rows
 * (views, no copies). A non-finite output makes the loss NaN, so callers see the divergence.
 */
export function evaluate(
  algorithm: TrainerAlgorithm,
  split: DatasetSplit,
  task: DatasetTask,
  backend: TensorBackend,
): EvaluationMetrics {
  const n = split.inputs.rows;
  let lossSum = 0;
  let rightBits = 0;
  let exact = 0;
  let right = 0;
  for (let start = 0; start < n; start += EVALUATION_CHUNK_ROWS) {
    const inputs = rowsView(split.inputs, start, EVALUATION_CHUNK_ROWS);
    const labels = rowsView(split.labels, start, EVALUATION_CHUNK_ROWS);
    const outputs = algorithm.predict(inputs);
    if (!backend.allFinite(outputs)) return { loss: Number.NaN };
    lossSum += algorithm.loss(outputs, labels) * inputs.rows;
    if (task === 'binary-digits') {
      const counts = bitCounts(outputs, labels);
      rightBits += counts.rightBits;
      exact += counts.exact;
    } else {
      right += classCount(backend, outputs, labels);
    }
  }
  const loss = lossSum / n;
  return task === 'binary-digits'
    ? { loss, bitAccuracy: rightBits / (n * split.labels.cols), exactAccuracy: exact / n }
    : { loss, accuracy: right / n };
}

/** Rows [start, start + count) of `m` as a view sharing its data. */
function rowsView(m: Matrix, start: number, count: number): Matrix {
  const rows = Math.min(count, m.rows - start);
  if (start === 0 && rows === m.rows) return m;
  return new Matrix(rows, m.cols, m.data.subarray(start * m.cols, (start + rows) * m.cols));
}

/** Bit accuracy and exact-match accuracy of thresholded outputs against 0/1 labels. */
export function bitAccuracies(outputs: Matrix, labels: Matrix): { bitAccuracy: number; exactAccuracy: number } {
  const { rightBits, exact } = bitCounts(outputs, labels);
  return { bitAccuracy: rightBits / (outputs.rows * outputs.cols), exactAccuracy: exact / outputs.rows };
}

/** Fraction of rows whose argmax output equals the argmax label. */
export function classAccuracy(backend: TensorBackend, outputs: Matrix, labels: Matrix): number {
  return classCount(backend, outputs, labels) / outputs.rows;
}

function bitCounts(outputs: Matrix, labels: Matrix): { rightBits: number; exact: number } {
  const { rows, cols } = outputs;
  let rightBits = 0;
  let exact = 0;
  for (let r = 0; r < rows; r++) {
    let rowRight = 0;
    for (let c = r * cols, end = c + cols; c < end; c++) {
      if (outputs.data[c] > BIT_THRESHOLD === labels.data[c] > BIT_THRESHOLD) rowRight++;
    }
    rightBits += rowRight;
    if (rowRight === cols) exact++;
  }
  return { rightBits, exact };
}

function classCount(backend: TensorBackend, outputs: Matrix, labels: Matrix): number {
  const predicted = backend.argmaxRows(outputs);
  const expected = backend.argmaxRows(labels);
  let right = 0;
  for (let r = 0; r < predicted.length; r++) if (predicted[r] === expected[r]) right++;
  return right;
}
