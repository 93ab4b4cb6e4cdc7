import { CpuBackend, Matrix, Rng } from '@synthgrad/tensor';
import { describe, expect, it } from 'vitest';
import { DniStage } from './DniStage.js';
import { GeneratorWarmup } from './GeneratorWarmup.js';
import { syntheticGradientPolicyFor } from './syntheticGradientPolicyFor.js';

const backend = new CpuBackend();
const prediction = new Matrix(1, 3, Float64Array.from([0.5, -0.004, 0.02]));
const trueGradient = new Matrix(1, 3, Float64Array.from([1, 2, -3]));

describe('syntheticGradientPolicyFor', () => {
  it('is plain for ĝ as predicted: the prediction itself, the true gradient where there is none', () => {
    const plain = syntheticGradientPolicyFor(backend, { scale: 1, clip: Infinity, weight: 1 });
    expect([plain.name, plain.backpropagates, plain.generatorTarget]).toEqual(['plain', false, 'sent-down']);
    expect(plain.applied(0, prediction, null)).toBe(prediction);
    expect(plain.applied(1, null, trueGradient)).toBe(trueGradient);
  });

  it('is shaped with a scale or a clip: clip(s·ĝ), element by element', () => {
    const shaped = syntheticGradientPolicyFor(backend, { scale: 2, clip: 0.01, weight: 1 });
    expect([shaped.name, shaped.backpropagates]).toEqual(['shaped', false]);
    expect(Array.from(shaped.applied(0, prediction, null)!.data)).toEqual([0.01, -0.008, 0.01]);
    expect(shaped.applied(1, null, trueGradient)).toBe(trueGradient);
  });

  it('is mixed with λ < 1: λ·clip(s·ĝ) + (1 − λ)·g, and needs g', () => {
    const mixed = syntheticGradientPolicyFor(backend, { scale: 2, clip: 0.01, weight: 0.25 });
    expect([mixed.name, mixed.backpropagates]).toEqual(['mixed', true]);
    const applied = mixed.applied(0, prediction, trueGradient)!;
    [0.25 * 0.01 + 0.75 * 1, 0.25 * -0.008 + 0.75 * 2, 0.25 * 0.01 + 0.75 * -3].forEach((v, i) => expect(applied.data[i]).toBeCloseTo(v, 15));
    expect(() => mixed.applied(0, prediction, null)).toThrow(/true gradient is needed/);
  });

  it('the warm-up applies g (or nothing, frozen), and a stage refuses a policy that back-propagates', () => {
    expect(new GeneratorWarmup(3, 'backprop').applied(0, prediction, trueGradient)).toBe(trueGradient);
    expect(new GeneratorWarmup(3, 'frozen').applied(0, prediction, trueGradient)).toBeNull();
    const mixed = syntheticGradientPolicyFor(backend, { scale: 1, clip: Infinity, weight: 0.5 });
    expect(() => new DniStage([], null, 1, new Rng(1), 2, mixed)).toThrow(/the mixed policy back-propagates the true gradient, which a stage cannot/);
  });
});
