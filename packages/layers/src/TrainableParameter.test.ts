import { Matrix } from '@synthgrad/tensor';
import { describe, expect, it } from 'vitest';
import { cpu } from '../test/support/backends.js';
import { TrainableParameter } from './TrainableParameter.js';

const parameter = () => new TrainableParameter(cpu, 'w', Matrix.fromArray([[1, 2], [3, 4]]));

/** A pullback's contribution, by the protocol every backward rule follows. */
function contribute(p: TrainableParameter, values: number[]): Matrix {
  const target = p.gradientTarget();
  target.data.set(values);
  p.commitGradient(target);
  return target;
}

describe('TrainableParameter', () => {
  it('writes the first contribution into the gradient and adds the next through a scratch', () => {
    const p = parameter();
    expect(p.gradIsZero).toBe(true);
    expect(contribute(p, [1, 2, 3, 4])).toBe(p.grad);
    expect(p.gradIsZero).toBe(false);
    expect(contribute(p, [10, 20, 30, 40])).not.toBe(p.grad);
    expect(Array.from(p.grad.data)).toEqual([11, 22, 33, 44]);
  });

  it('zeroGrad marks without a pass; reading grad then shows zeros, and the next contribution writes', () => {
    const p = parameter();
    contribute(p, [1, 2, 3, 4]);
    const storage = p.grad;
    p.zeroGrad();
    expect(p.gradIsZero).toBe(true);
    expect(Array.from(storage.data)).toEqual([1, 2, 3, 4]); // untouched until read
    expect(Array.from(p.grad.data)).toEqual([0, 0, 0, 0]);
    expect(p.grad).toBe(storage);
    p.zeroGrad();
    expect(contribute(p, [5, 6, 7, 8])).toBe(storage);
    expect(Array.from(p.grad.data)).toEqual([5, 6, 7, 8]);
  });

  it('shows its gradient through a spread, as layers that rename parameters copy them', () => {
    const p = parameter();
    contribute(p, [1, 2, 3, 4]);
    const renamed = { ...p, name: 'dense.w' };
    expect(renamed.grad).toBe(p.grad);
    expect(renamed.value).toBe(p.value);
  });
});
