import { Matrix, Rng } from '@synthgrad/tensor';
import { describe, expect, it } from 'vitest';
import { cpu } from '../test/support/backends.js';
import { initialiser, optimiser } from '../test/support/plugins.js';
import { FormatError } from './FormatError.js';
import { loadWeightsJSON } from './loadWeightsJSON.js';
import { SyntheticGradientGenerator } from './SyntheticGradientGenerator.js';
import { weightsToJSON } from './weightsToJSON.js';

const generator = (seed: number) =>
  new SyntheticGradientGenerator(cpu, {
    inputSize: 3,
    outputSize: 2,
    hiddenSizes: [4],
    zeroInitLastLayer: false,
    initialiser: initialiser('glorot-uniform'),
    optimiser: optimiser(cpu),
    rng: new Rng(seed),
  });
const named = (g: SyntheticGradientGenerator) => Object.fromEntries(g.parameters().map((p) => [p.name, p.value]));

describe('loadWeightsJSON', () => {
  it('round-trips parameters through JSON text', () => {
    const [a, b] = [generator(1), generator(2)];
    const text = JSON.stringify(weightsToJSON(a.parameters()));
    loadWeightsJSON(JSON.parse(text), named(b));
    b.parameters().forEach((p, i) => expect(Array.from(p.value.data)).toEqual(Array.from(a.parameters()[i].value.data)));
    const features = Matrix.fromArray([[1, 2, 3]]);
    expect(b.predict(features, false).toArray()).toEqual(a.predict(features, false).toArray());
  });

  const valid = () => weightsToJSON({ weights: Matrix.filled(2, 3, 1), bias: Matrix.filled(1, 3, 1) });
  const into = () => ({ weights: Matrix.filled(2, 3, 7), bias: Matrix.filled(1, 3, 7) });
  const cases: [string, unknown, Record<string, Matrix>, string][] = [
    ['not an object', [1, 2], into(), 'loadWeightsJSON: expected an object, got an array'],
    ['another format', { ...valid(), format: 'keras' }, into(), 'format is "keras", expected "synthgrad-weights"'],
    ['another version', { ...valid(), version: 2 }, into(), 'version 2 is not supported (expected 1)'],
    ['no parameters', { format: 'synthgrad-weights', version: 1 }, into(), '"parameters" must be an object, got undefined'],
    ['a missing key', valid(), { ...into(), gamma: new Matrix(1, 3) }, 'missing "gamma" (the file has "weights", "bias")'],
    ['an unexpected key', valid(), { weights: new Matrix(2, 3) }, 'unexpected "bias" (the model has "weights")'],
    ['a shape mismatch', valid(), { ...into(), weights: new Matrix(3, 2) }, '"weights" is 2×3 in the file but 3×2 in the model'],
    [
      'too few values',
      { ...valid(), parameters: { ...valid().parameters, bias: { rows: 1, cols: 3, data: [1, 2] } } },
      into(),
      '"bias" needs 3 values in data, got 2',
    ],
    [
      'a value that is not a number',
      { ...valid(), parameters: { ...valid().parameters, bias: { rows: 1, cols: 3, data: [1, null, 2] } } },
      into(),
      '"bias".data[1] is null, not a number nor "NaN", "Infinity", "-Infinity"',
    ],
  ];
  it.each(cases)('names what is wrong: %s', (_what, json, target, message) => {
    expect(() => loadWeightsJSON(json, target)).toThrow(FormatError);
    expect(() => loadWeightsJSON(json, target)).toThrow(message);
    // Nothing is written unless everything is valid.
    for (const m of Object.values(target)) expect(m.data.includes(1)).toBe(false);
  });
});
