import type { DatasetSplit, DatasetTask, TrainerAlgorithm } from '@synthgrad/core';
import type { Matrix, TensorBackend } from '@synthgrad/tensor';

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

export function evaluate(
  algorithm: TrainerAlgorithm,
  split: DatasetSplit,
  task: DatasetTask,
  backend: TensorBackend,
): EvaluationMetrics {
  const outputs = algorithm.predict(split.inputs);
  const loss = algorithm.loss(outputs, split.labels);
  return task === 'binary-digits'
    ? { loss, ...bitAccuracies(outputs, split.labels) }
    : { loss, accuracy: classAccuracy(backend, outputs, split.labels) };
}

/** Bit accuracy and exact-match accuracy of thresholded outputs against 0/1 labels. */
export function bitAccuracies(outputs: Matrix, labels: Matrix): { bitAccuracy: number; exactAccuracy: number } {
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
  return { bitAccuracy: rightBits / (rows * cols), exactAccuracy: exact / rows };
}

/** Fraction of rows whose argmax output equals the argmax label. */
export function classAccuracy(backend: TensorBackend, outputs: Matrix, labels: Matrix): number {
  const predicted = backend.argmaxRows(outputs);
  const expected = backend.argmaxRows(labels);
  let right = 0;
  for (let r = 0; r < predicted.length; r++) if (predicted[r] === expected[r]) right++;
  return right / predicted.length;
}
