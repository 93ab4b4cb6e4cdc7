import { Matrix } from '@synthgrad/tensor';
import { describe, expect, it } from 'vitest';
import { npyFixture as fixture } from '../test/support/npyFixture.js';
import { fromNpy } from './fromNpy.js';
import { toNpy } from './toNpy.js';

describe('toNpy', () => {
  it('writes exactly the bytes numpy writes', () => {
    const m = Matrix.fromArray([[1.5, -2.25, 3], [0.1, 1e-300, -0]]);
    expect(toNpy(m)).toEqual(fixture('f8_2x3.npy'));
  });

  it('round-trips any matrix, including empty and non-finite values', () => {
    for (const m of [
      Matrix.fromArray([[Math.PI, -Number.MIN_VALUE, Number.MAX_VALUE, NaN, Infinity]]),
      new Matrix(0, 4),
      Matrix.fromArray(Array.from({ length: 123 }, (_, r) => [r, -r / 7])),
    ]) {
      const back = fromNpy(toNpy(m));
      expect(back.shape).toBe(m.shape);
      expect(Array.from(back.data)).toEqual(Array.from(m.data));
      expect((toNpy(m).length - m.size * 8) % 64).toBe(0);
    }
  });
});
