import type { TrainerAlgorithm } from '@synthgrad/core';
import { CpuBackend, Matrix } from '@synthgrad/tensor';
import { describe, expect, it } from 'vitest';
import { EVALUATION_CHUNK_ROWS, evaluate } from './evaluate.js';

const backend = new CpuBackend();

/** An algorithm that echoes its inputs, with the mean squared error as loss; it records chunk sizes. */
function echo(seen: number[]): TrainerAlgorithm {
  return {
    name: 'echo',
    state: () => ({ tensors: {}, rngs: {} }),
    step: () => ({ loss: 0 }),
    predict: (inputs) => (seen.push(inputs.rows), inputs),
    loss: (outputs, labels) => backend.dot(backend.sub(outputs, labels), backend.sub(outputs, labels)) / outputs.rows,
  };
}

describe('evaluate', () => {
  it('evaluates in bounded chunks and weights each chunk by its rows', () => {
    const n = 2 * EVALUATION_CHUNK_ROWS + 3;
    const inputs = Matrix.zeros(n, 1);
    const labels = Matrix.zeros(n, 1);
    for (let r = 0; r < n; r++) {
      inputs.set(r, 0, r % 3 === 0 ? 0.9 : 0.1); // predicts bit 1 on every third row
      labels.set(r, 0, r % 2); // label 1 on odd rows
    }
    const seen: number[] = [];
    const metrics = evaluate(echo(seen), { inputs, labels }, 'binary-digits', backend);
    expect(seen).toEqual([EVALUATION_CHUNK_ROWS, EVALUATION_CHUNK_ROWS, 3]);
    // oracle: the same sums over all rows at once
    let squared = 0;
    let right = 0;
    for (let r = 0; r < n; r++) {
      squared += (inputs.get(r, 0) - labels.get(r, 0)) ** 2;
      if (inputs.get(r, 0) > 0.5 === labels.get(r, 0) > 0.5) right++;
    }
    expect(metrics.loss).toBeCloseTo(squared / n, 12);
    expect(metrics.bitAccuracy).toBe(right / n);
    expect(metrics.exactAccuracy).toBe(right / n);
  });

  it('reports a non-finite output as a NaN loss', () => {
    const inputs = Matrix.fromArray([[0.2], [Number.NEGATIVE_INFINITY]]);
    const labels = Matrix.fromArray([[0], [0]]);
    expect(evaluate(echo([]), { inputs, labels }, 'classification', backend).loss).toBeNaN();
  });
});
