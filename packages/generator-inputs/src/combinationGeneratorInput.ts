import {
  ConfigError,
  type GeneratorInput,
  type GeneratorInputContext,
  type GeneratorInputPlugin,
  type GeneratorInputSpec,
} from '@synthgrad/core';
import { bufferOfShape, ShapeError, type Matrix, type TensorBackend } from '@synthgrad/tensor';
import { describeValue, readOptions } from '@synthgrad/core';

const NAME = 'combination';

/** Options of `combination`: the parts, in column order. */
export interface CombinationOptions {
  readonly inputs: readonly GeneratorInputSpec[];
}

/** One part of a combination and how its spec named it (for error messages). */
export interface CombinationPart {
  readonly label: string;
  readonly input: GeneratorInput;
}

/**
 * One layer's `combination` input: its parts' features side by side, in the order given, written into a
 * buffer reused while the batch size holds.
 *
 * @example
 * ```ts
 * const input = createGeneratorInput(registry, ['labels', 'batch-normalized-output'], shape, backend);
 * input.size === shape.labelSize + shape.outputSize; // true
 * ```
 */
export class Combination implements GeneratorInput {
  readonly size: number;
  readonly parts: readonly CombinationPart[];
  readonly #backend: TensorBackend;
  readonly #partFeatures: Matrix[];
  #out: Matrix | undefined;

  constructor(parts: readonly CombinationPart[], backend: TensorBackend) {
    if (parts.length === 0) throw new ConfigError(`${NAME}.inputs`, 'needs at least one generator input');
    this.parts = parts;
    this.size = parts.reduce((sum, part) => sum + part.input.size, 0);
    this.#backend = backend;
    this.#partFeatures = new Array<Matrix>(parts.length);
  }

  /** Each stateful part's state, prefixed by its position: `0.runningMean`, … */
  state(): Readonly<Record<string, Matrix>> {
    const result: Record<string, Matrix> = {};
    this.parts.forEach(({ input }, i) => {
      for (const [name, m] of Object.entries(input.state?.() ?? {})) result[`${i}.${name}`] = m;
    });
    return result;
  }

  /** batch × size; the returned matrix is reused by the next call with the same batch size. */
  features(context: GeneratorInputContext): Matrix {
    const { parts } = this;
    const partFeatures = this.#partFeatures;
    let rows = 0;
    for (let i = 0; i < parts.length; i++) {
      const { input, label } = parts[i];
      const features = input.features(context);
      if (i === 0) rows = features.rows;
      if (features.rows !== rows || features.cols !== input.size) {
        throw new ShapeError(
          `generator input "${NAME}": part ${i} (${label}) gave ${features.shape}, expected ${rows}×${input.size}`,
        );
      }
      partFeatures[i] = features;
    }
    const out = (this.#out = bufferOfShape(this.#out, rows, this.size, this.#backend));
    return this.#backend.concatColumns(partFeatures, out);
  }
}

/**
 * `combination`: concatenates the features of several generator inputs column-wise, e.g. the labels and
 * the batch-normalised output (`["labels", "batch-normalized-output"]`, which `createGeneratorInput`
 * turns into this plugin). Each part is built through the environment, so it may be any registered
 * input, a user's one included, with options, or a nested combination.
 *
 * @example
 * ```ts
 * createGeneratorInput(registry, { name: 'combination', options: { inputs: ['labels', 'inputs'] } }, shape, backend);
 * ```
 */
export const combinationGeneratorInput: GeneratorInputPlugin<CombinationOptions> = {
  name: NAME,
  description: 'the features of several generator inputs side by side (options.inputs)',
  create(shape, options, environment): Combination {
    const { inputs } = readOptions(NAME, options, ['inputs']);
    if (!Array.isArray(inputs) || inputs.length === 0) {
      throw new ConfigError(
        `${NAME}.inputs`,
        `must list at least one generator input spec, e.g. ["labels", "layer-output"]; got ${describeValue(inputs)}`,
      );
    }
    const parts = (inputs as readonly GeneratorInputSpec[]).map((spec, i): CombinationPart => {
      try {
        return { label: labelOf(spec), input: environment.create(spec, shape) };
      } catch (error) {
        if (error instanceof ConfigError) throw new ConfigError(`${NAME}.inputs[${i}]`, error.message);
        throw error;
      }
    });
    return new Combination(parts, environment.backend);
  },
};

function labelOf(spec: GeneratorInputSpec): string {
  if (typeof spec === 'string') return `"${spec}"`;
  if (Array.isArray(spec)) return `"${NAME}"`;
  const name = (spec as { name?: unknown } | null)?.name;
  return typeof name === 'string' ? `"${name}"` : describeValue(spec);
}
