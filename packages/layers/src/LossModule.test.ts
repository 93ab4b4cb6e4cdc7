import { Matrix, Rng } from '@synthgrad/tensor';
import { describe, expect, it } from 'vitest';
import { backends, cpu } from '../test/support/backends.js';
import { expectGradientMatches } from '../test/support/gradientCheck.js';
import { randomMatrix } from '../test/support/matrices.js';
import { builtinLosses } from './builtinLosses.js';
import { LossModule } from './LossModule.js';

const byName = (name: string) => builtinLosses.find((p) => p.name === name)!;

/** What each pullback is the derivative of, in terms of `value()` (a mean over the batch). */
const reductions: [string, (value: number, rows: number) => number][] = [
  ['tutorial-delta', (value, rows) => value * rows],
  ['mse', (value) => value],
  ['softmax-cross-entropy', (value) => value],
];

const targetFor = (name: string, rng: Rng) =>
  name === 'softmax-cross-entropy'
    ? Matrix.fromArray([[1, 0, 0], [0, 0, 1], [0.2, 0.5, 0.3], [0, 1, 0], [0, 0, 1]])
    : randomMatrix(rng, 5, 3);

describe.each(backends)('LossModule on $name', (backend) => {
  it.each(reductions)('%s: pullback matches finite differences of value()', (name, objectiveOf) => {
    const rng = new Rng(51);
    const module = new LossModule(backend, byName(name).create(backend));
    const output = randomMatrix(rng, 5, 3);
    const target = targetFor(name, rng);
    const objective = () => objectiveOf(module.forward(output, target).value(), output.rows);
    expectGradientMatches({ label: name, analytic: module.forward(output, target).pullback()!, objective, wrt: output });
  });

  it.each(reductions)('%s: pullback is the loss gradient bit for bit, into a reused buffer', (name) => {
    const rng = new Rng(52);
    const loss = byName(name).create(backend);
    const module = new LossModule(backend, loss);
    const output = randomMatrix(rng, 5, 3);
    const target = targetFor(name, rng);
    const at = module.forward(output, target);
    const g = at.pullback()!;
    expect(Array.from(g.data)).toEqual(Array.from(loss.gradient(output, target).data));
    expect(at.value()).toBe(loss.value(output, target));
    expect(module.forward(output, target).pullback()).toBe(g);
    expect(at.pullback({ input: false })).toBeNull();
  });
});

describe('LossModule', () => {
  it('names both shapes on a mismatch', () => {
    const module = new LossModule(cpu, byName('mse').create(cpu));
    expect(() => module.forward(new Matrix(10, 3), new Matrix(10, 4))).toThrow('mse.forward: output 10×3 but target 10×4');
  });
});
