import { ConfigError, PluginRegistry, type GeneratorInputContext, type LayerShape } from '@synthgrad/core';
import { CpuBackend, MathjsBackend, Matrix, Rng, ShapeError, type TensorBackend } from '@synthgrad/tensor';
import { describe, expect, it } from 'vitest';
import {
  BatchNormalizedOutput,
  batchNormalizedOutputGeneratorInput,
  type BatchNormalizedOutputOptions,
} from './batchNormalizedOutputGeneratorInput.js';
import { builtInGeneratorInputs } from './builtInGeneratorInputs.js';
import { createGeneratorInput } from './createGeneratorInput.js';
import { describeGeneratorInputContract } from './testing/index.js';

describeGeneratorInputContract(batchNormalizedOutputGeneratorInput);
describeGeneratorInputContract(batchNormalizedOutputGeneratorInput, { pluginOptions: { momentum: 0.5, epsilon: 1e-3 } });
describeGeneratorInputContract(batchNormalizedOutputGeneratorInput, { backend: new MathjsBackend() });

const registry = new PluginRegistry('generator input', builtInGeneratorInputs);
const shapeOf = (outputSize: number): LayerShape => ({
  index: 0,
  count: 2,
  inputSize: 3,
  outputSize,
  dataInputSize: 3,
  labelSize: 2,
});
const create = (outputSize: number, options?: BatchNormalizedOutputOptions, backend: TensorBackend = new CpuBackend()) =>
  createGeneratorInput(
    registry,
    { name: 'batch-normalized-output', options },
    shapeOf(outputSize),
    backend,
  ) as BatchNormalizedOutput;
const contextOf = (layerOutput: number[][], training: boolean): GeneratorInputContext => {
  const rows = layerOutput.length;
  return {
    layerInput: Matrix.zeros(rows, 3),
    layerOutput: Matrix.fromRows(layerOutput),
    inputs: Matrix.zeros(rows, 3),
    labels: Matrix.zeros(rows, 2),
    training,
  };
};
const column = (m: Matrix, c: number) => m.toArray().map((row) => row[c]);
const EPS = 1e-5;

describe('batch-normalized-output', () => {
  it('standardises a training batch with its own statistics (hand values)', () => {
    // column 0: 1, 2, 3, 4 → mean 2.5, population variance 1.25
    // column 1: 0, 0, 1, 1 → mean 0.5, population variance 0.25
    const input = create(2);
    const features = input.features(contextOf([[1, 0], [2, 0], [3, 1], [4, 1]], true));
    const sd0 = Math.sqrt(1.25 + EPS);
    const sd1 = Math.sqrt(0.25 + EPS);
    expectClose(column(features, 0), [-1.5 / sd0, -0.5 / sd0, 0.5 / sd0, 1.5 / sd0]);
    expectClose(column(features, 1), [-0.5 / sd1, -0.5 / sd1, 0.5 / sd1, 0.5 / sd1]);
  });

  it('gives every column mean 0 and variance 1 (up to ε) on a random batch', () => {
    const rng = new Rng(7);
    const rows = Array.from({ length: 32 }, () => Array.from({ length: 5 }, (_, c) => (c + 1) * rng.uniform() + c));
    const features = create(5).features(contextOf(rows, true));
    for (let c = 0; c < 5; c++) {
      const x = column(features, c);
      const mean = x.reduce((a, b) => a + b, 0) / x.length;
      const variance = x.reduce((a, b) => a + (b - mean) ** 2, 0) / x.length;
      expect(Math.abs(mean)).toBeLessThan(1e-12);
      expect(variance).toBeCloseTo(1, 3);
    }
  });

  it('updates the running statistics with momentum 0.9 after known batches', () => {
    const input = create(1);
    expect([...input.runningMean]).toEqual([0]);
    expect([...input.runningVariance]).toEqual([1]);
    input.features(contextOf([[1], [2], [3], [4]], true)); // mean 2.5, variance 1.25
    expectClose([...input.runningMean], [0.25]); // 0.9·0 + 0.1·2.5
    expectClose([...input.runningVariance], [1.025]); // 0.9·1 + 0.1·1.25
    input.features(contextOf([[0], [0], [0], [4]], true)); // mean 1, variance 3
    expectClose([...input.runningMean], [0.325]); // 0.9·0.25 + 0.1·1
    expectClose([...input.runningVariance], [1.2225]); // 0.9·1.025 + 0.1·3
  });

  it('measures with the running statistics and changes nothing', () => {
    const input = create(1, { momentum: 0.5, epsilon: 0.01 });
    expectClose(column(input.features(contextOf([[2], [-1]], false)), 0), [2 / Math.sqrt(1.01), -1 / Math.sqrt(1.01)]);
    input.features(contextOf([[1], [3]], true)); // mean 2, variance 1 → running mean 1, running variance 1
    const mean = [...input.runningMean];
    const variance = [...input.runningVariance];
    expectClose(mean, [1]);
    expectClose(variance, [1]);
    const measured = column(input.features(contextOf([[2], [0], [5]], false)), 0);
    expectClose(measured, [1 / Math.sqrt(1.01), -1 / Math.sqrt(1.01), 4 / Math.sqrt(1.01)]);
    expect([...input.runningMean]).toEqual(mean);
    expect([...input.runningVariance]).toEqual(variance);
  });

  it('keeps state per layer: each create starts fresh', () => {
    const first = create(1);
    const second = create(1);
    first.features(contextOf([[10], [20]], true));
    expect([...second.runningMean]).toEqual([0]);
    expect([...first.runningMean]).not.toEqual([0]);
  });

  it('gives the same numbers on the mathjs backend', () => {
    const rng = new Rng(3);
    const batches = [0, 1, 2].map(() => Array.from({ length: 9 }, () => [rng.uniform(), 5 * rng.uniform(), -rng.uniform()]));
    const cpu = create(3, {}, new CpuBackend());
    const mathjs = create(3, {}, new MathjsBackend());
    for (const [i, batch] of batches.entries()) {
      const training = i < 2;
      expectClose(mathjs.features(contextOf(batch, training)).toArray().flat(), cpu.features(contextOf(batch, training)).toArray().flat());
    }
  });

  it('keeps float32 statistics and features on a float32 backend, within float32 rounding of float64', () => {
    const rng = new Rng(5);
    const batches = [0, 1, 2].map(() => Array.from({ length: 8 }, () => [rng.uniform(), 3 * rng.uniform() - 1]));
    const f64 = create(2, {}, new CpuBackend());
    const f32 = create(2, {}, new CpuBackend({ dtype: 'float32' }));
    for (const [i, batch] of batches.entries()) {
      const training = i < 2;
      const exact = f64.features(contextOf(batch, training));
      // In a float32 trainer the layer's output is float32; the features follow it.
      const context = contextOf(batch, training);
      const rounded = f32.features({ ...context, layerOutput: context.layerOutput.astype('float32') });
      expect(rounded.dtype).toBe('float32');
      const worst = Math.max(...Array.from(rounded.data, (v, j) => Math.abs(v - exact.data[j])));
      expect(worst).toBeLessThan(1e-5);
    }
    for (const m of Object.values(f32.state())) expect(m.dtype).toBe('float32');
    expect(f32.runningMean).toBeInstanceOf(Float32Array);
    expect([...f32.runningMean].map((v, j) => Math.abs(v - f64.runningMean[j]))).toEqual([
      expect.closeTo(0, 6),
      expect.closeTo(0, 6),
    ]);
  });

  it('reuses its output buffer while the batch size holds', () => {
    const input = create(2);
    const a = input.features(contextOf([[1, 2], [3, 4]], true));
    const b = input.features(contextOf([[5, 6], [7, 9]], true));
    expect(b).toBe(a);
    expect(input.features(contextOf([[1, 2], [3, 4], [5, 6]], true))).not.toBe(a);
  });

  it('names the field and both shapes when the layer output has the wrong width', () => {
    const input = create(4);
    expect(() => input.features(contextOf([[1, 2, 3, 4, 5]], true))).toThrow(ShapeError);
    expect(() => input.features(contextOf([[1, 2, 3, 4, 5]], true))).toThrow(
      'generator input "batch-normalized-output": context.layerOutput is 1×5, expected 1×4 (outputSize = 4)',
    );
  });

  it('rejects invalid options, naming the option and the value', () => {
    const bad = (options: unknown) => () =>
      createGeneratorInput(registry, { name: 'batch-normalized-output', options }, shapeOf(2), new CpuBackend());
    expect(bad({ momentum: 1.5 })).toThrow(ConfigError);
    expect(bad({ momentum: 1.5 })).toThrow('batch-normalized-output.momentum: must be a number from 0 to 1, got 1.5');
    expect(bad({ momentum: '0.9' })).toThrow('batch-normalized-output.momentum: must be a number from 0 to 1, got "0.9"');
    expect(bad({ epsilon: 0 })).toThrow('batch-normalized-output.epsilon: must be a finite number > 0, got 0');
    expect(bad({ epsilon: Number.NaN })).toThrow('batch-normalized-output.epsilon');
    expect(bad({ momemtum: 0.9 })).toThrow('batch-normalized-output: unknown option "momemtum"; known: "momentum", "epsilon"');
    expect(bad(0.9)).toThrow('batch-normalized-output: options must be an object, got 0.9');
  });
});

function expectClose(actual: readonly number[], expected: readonly number[], tolerance = 1e-12): void {
  expect(actual.length).toBe(expected.length);
  actual.forEach((value, i) => {
    expect(Math.abs(value - expected[i]), `index ${i}: ${value} vs ${expected[i]}`).toBeLessThanOrEqual(tolerance);
  });
}
