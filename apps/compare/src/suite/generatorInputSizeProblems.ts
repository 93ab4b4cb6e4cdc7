import type { Container } from 'inversify';
import {
  createGeneratorInput,
  featureSize,
  GeneratorInputRegistry,
  LayerRegistry,
  Matrix,
  resolveLayers,
  TensorBackend,
  type Dataset,
  type LayerShape,
  type NetworkSpec,
} from 'synthgrad';
import { LyingGeneratorInputError } from '../plugins/guardPluginInputs.js';

/** Rows of the batch each generator input is tried on. */
const ROWS = 2;

/**
 * Tries every generator input a configuration names (each part of a combination alone) on every
 * decoupled layer's shape with a small batch, and says where one's declared `size` differs from
 * the columns its `features()` returns, naming the input: a plugin's mistake is found by `check`,
 * before training trips over it with a message that does not name the plugin. One line per problem.
 *
 * @example
 * ```ts
 * generatorInputSizeProblems(container, dataset, spec.network, spec.options.generatorInput);
 * // ['generator input "centered-layer-input" declares size 16 but its features() returned 2×17 for hidden layer 1 (input 16, output 64)']
 * ```
 */
export function generatorInputSizeProblems(container: Container, dataset: Dataset, network: NetworkSpec, spec: unknown): string[] {
  if (spec === undefined) return [];
  const registry = container.get(GeneratorInputRegistry);
  const backend = container.get(TensorBackend);
  const dtype = backend.dtype ?? 'float64';
  const parts = Array.isArray(spec) ? spec : [spec];
  const dataInputSize = dataset.train.inputs.cols;
  const labelSize = dataset.train.labels.cols;
  const problems: string[] = [];
  // Sizes as the layer kinds compute them (a kind without units, like dropout, keeps its input's).
  const layers = resolveLayers(network.layers, [dataInputSize], container.get(LayerRegistry));
  for (let index = 0; index < network.layers.length - 1; index++) {
    const shape: LayerShape = {
      index,
      count: network.layers.length,
      inputSize: featureSize(layers[index].inputShape),
      outputSize: featureSize(layers[index].outputShape),
      dataInputSize,
      labelSize,
      inputShape: layers[index].inputShape,
      outputShape: layers[index].outputShape,
    };
    for (const part of parts) {
      const name = typeof part === 'string' ? part : ((part as { name?: unknown })?.name ?? 'combination');
      const where = `hidden layer ${index + 1} (input ${shape.inputSize}, output ${shape.outputSize})`;
      let size: number | undefined;
      let returned: { rows: number; cols: number } | undefined;
      try {
        const input = createGeneratorInput(registry, part, shape, backend);
        size = input.size;
        returned = input.features({
          layerInput: Matrix.zeros(ROWS, shape.inputSize, dtype),
          layerOutput: Matrix.zeros(ROWS, shape.outputSize, dtype),
          inputs: Matrix.zeros(ROWS, dataInputSize, dtype),
          labels: Matrix.zeros(ROWS, labelSize, dtype),
          training: false,
        });
      } catch (error) {
        // The guard of a plugin's inputs saw what features() returned: its message names the input and
        // the plugin file. Anything else a features() throws on a batch of zeros is left to training,
        // which reports it with the run.
        if (error instanceof LyingGeneratorInputError) {
          problems.push(`${error.message} (at ${where})`);
          continue;
        }
      }
      if (size !== undefined && returned !== undefined && (returned.rows !== ROWS || returned.cols !== size)) {
        problems.push(
          `generator input "${String(name)}" declares size ${size} but its features() returned ${returned.rows}×${returned.cols} ` +
            `for a batch of ${ROWS} at ${where}; its size must be the columns it returns`,
        );
      }
    }
    if (problems.length > 0) break;
  }
  return problems;
}
