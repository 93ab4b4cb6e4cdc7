import { Matrix } from '@synthgrad/tensor';
import { describe, expect, it } from 'vitest';
import { loadWeightsJSON } from './loadWeightsJSON.js';
import { weightsToJSON } from './weightsToJSON.js';

describe('weightsToJSON', () => {
  it('writes the documented format', () => {
    expect(weightsToJSON({ w: Matrix.fromArray([[1, 2]]) })).toEqual({
      format: 'synthgrad-weights',
      version: 1,
      parameters: { w: { rows: 1, cols: 2, data: [1, 2] } },
    });
  });

  it('round-trips NaN, ±Infinity, -0 and extremes through JSON text', () => {
    const values = [Number.NaN, Infinity, -Infinity, -0, Number.MIN_VALUE, Number.MAX_VALUE, 0.1 + 0.2];
    const text = JSON.stringify(weightsToJSON({ w: Matrix.fromArray([values]) }));
    expect(text).toContain('["NaN","Infinity","-Infinity",0,5e-324,1.7976931348623157e+308,0.30000000000000004]');
    const into = { w: new Matrix(1, values.length) };
    loadWeightsJSON(JSON.parse(text), into);
    expect(Array.from(into.w.data)).toEqual(values.map((v) => (Object.is(v, -0) ? 0 : v)));
  });

  it('refuses two parameters with one name', () => {
    const p = { name: 'weights', value: new Matrix(1, 1), grad: new Matrix(1, 1) };
    expect(() => weightsToJSON([p, p])).toThrow('weightsToJSON: two parameters are named "weights"');
  });
});
