import { Matrix } from '@synthgrad/tensor';
import { CpuBackend } from '@synthgrad/tensor';
import { describe, expect, it } from 'vitest';
import { bitAccuracies, classAccuracy } from './evaluate.js';

describe('accuracies', () => {
  it('counts thresholded bits and whole rows', () => {
    const outputs = Matrix.fromArray([
      [0.9, 0.1, 0.7],
      [0.2, 0.6, 0.4],
    ]);
    const labels = Matrix.fromArray([
      [1, 0, 1],
      [0, 0, 0],
    ]);
    expect(bitAccuracies(outputs, labels)).toEqual({ bitAccuracy: 5 / 6, exactAccuracy: 1 / 2 });
  });

  it('compares argmax classes', () => {
    const outputs = Matrix.fromArray([
      [0.1, 2, 0.3],
      [5, 1, 1],
      [0, 0, 1],
    ]);
    const labels = Matrix.fromArray([
      [0, 1, 0],
      [0, 0, 1],
      [0, 0, 1],
    ]);
    expect(classAccuracy(new CpuBackend(), outputs, labels)).toBeCloseTo(2 / 3, 15);
  });
});
