import { Matrix } from '@synthgrad/tensor';
import { describe, expect, it } from 'vitest';
import { cpu } from '../test/support/backends.js';
import { optimiser } from '../test/support/plugins.js';
import { ParameterOptimiser } from './ParameterOptimiser.js';
import { TrainableParameter } from './TrainableParameter.js';

function accumulate(p: TrainableParameter, values: number[]): void {
  const target = p.gradientTarget();
  target.data.set(values);
  p.commitGradient(target);
}

describe('ParameterOptimiser', () => {
  it('steps every parameter from its accumulated gradient (sgd by hand)', () => {
    const w = new TrainableParameter(cpu, 'weights', Matrix.fromArray([[1, 2]]));
    const b = new TrainableParameter(cpu, 'bias', Matrix.fromArray([[0.5]]));
    const sgd = new ParameterOptimiser(optimiser(cpu, 'sgd'), [w, b]);
    accumulate(w, [1, -1]);
    accumulate(w, [3, 1]);
    accumulate(b, [2]);
    sgd.step(0.5);
    expect(Array.from(w.value.data)).toEqual([1 - 0.5 * 4, 2 - 0.5 * 0]);
    expect(Array.from(b.value.data)).toEqual([0.5 - 0.5 * 2]);
  });

  it('names each parameter’s optimiser state after it (momentum by hand)', () => {
    const w = new TrainableParameter(cpu, 'weights', Matrix.fromArray([[1, 2]]));
    const momentum = new ParameterOptimiser(optimiser(cpu, 'momentum', { momentum: 0.5 }), [w]);
    accumulate(w, [2, 4]);
    momentum.step(0.1);
    momentum.step(0.1);
    expect(Object.keys(momentum.state())).toEqual(['weights.velocity']);
    // v₁ = g, v₂ = 0.5 v₁ + g = 1.5 g: w = w₀ − 0.1 (g + 1.5 g).
    expect(w.value.get(0, 0)).toBeCloseTo(1 - 0.1 * 2.5 * 2, 14);
    expect(w.value.get(0, 1)).toBeCloseTo(2 - 0.1 * 2.5 * 4, 14);
  });
});
