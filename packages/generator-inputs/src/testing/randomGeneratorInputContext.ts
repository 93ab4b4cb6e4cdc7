import type { GeneratorInputContext, LayerShape } from '@synthgrad/core';
import { Matrix, type Rng } from '@synthgrad/tensor';

/**
 * A context of `batch` rows shaped after `shape`, with values like a training run's: layer input in
 * (−1, 1), layer output in (0, 1) as after a sigmoid, inputs and labels as 0/1 bits.
 *
 * @example
 * ```ts
 * const context = randomGeneratorInputContext(shape, 32, new Rng(1));
 * myInput.features(context);
 * ```
 */
export function randomGeneratorInputContext(
  shape: LayerShape,
  batch: number,
  rng: Rng,
  training = true,
): GeneratorInputContext {
  const fill = (cols: number, value: () => number): Matrix => {
    const m = new Matrix(batch, cols);
    for (let i = 0; i < m.data.length; i++) m.data[i] = value();
    return m;
  };
  const bit = () => (rng.uniform() < 0.5 ? 0 : 1);
  return {
    layerInput: fill(shape.inputSize, () => 2 * rng.uniform() - 1),
    layerOutput: fill(shape.outputSize, () => rng.uniform()),
    inputs: fill(shape.dataInputSize, bit),
    labels: fill(shape.labelSize, bit),
    training,
  };
}
