import { Matrix } from '@synthgrad/tensor';
import { describe, expect, it } from 'vitest';
import { weightsToJSON } from './weightsToJSON.js';

describe('weightsToJSON', () => {
  it('writes the documented format', () => {
    expect(weightsToJSON({ w: Matrix.fromArray([[1, 2]]) })).toEqual({
      format: 'synthgrad-weights',
      version: 1,
      parameters: { w: { rows: 1, cols: 2, data: [1, 2] } },
    });
  });

  it('refuses two parameters with one name', () => {
    const p = { name: 'weights', value: new Matrix(1, 1), grad: new Matrix(1, 1) };
    expect(() => weightsToJSON([p, p])).toThrow('weightsToJSON: two parameters are named "weights"');
  });
});
