import {
  PluginRegistry,
  type GeneratorInput,
  type GeneratorInputContext,
  type GeneratorInputEnvironment,
  type GeneratorInputPlugin,
  type GeneratorInputRegistry,
  type LayerShape,
} from '@synthgrad/core';
import { CpuBackend, Rng, type Matrix, type TensorBackend } from '@synthgrad/tensor';
import { describe, expect, it } from 'vitest';
import { builtInGeneratorInputs } from '../builtInGeneratorInputs.js';
import { createGeneratorInput } from '../createGeneratorInput.js';
import { randomGeneratorInputContext } from './randomGeneratorInputContext.js';

/** How {@link describeGeneratorInputContract} builds the input under test. */
export interface GeneratorInputContractOptions {
  /** Passed to `create` (e.g. `{ inputs: ['labels'] }` for a combination). */
  readonly pluginOptions?: unknown;
  /** Default: every width different, so a plugin reading the wrong field fails. */
  readonly shape?: LayerShape;
  /** Default: the cpu backend. */
  readonly backend?: TensorBackend;
  /** What `environment.create` resolves names in. Default: the built-ins plus the plugin under test. */
  readonly registry?: GeneratorInputRegistry;
}

/** Widths all different, so that an input reading the wrong context field gets the wrong width. */
export const CONTRACT_LAYER_SHAPE: LayerShape = {
  index: 1,
  count: 3,
  inputSize: 5,
  outputSize: 4,
  dataInputSize: 6,
  labelSize: 3,
};

const BATCH_SIZES = [1, 7, 32] as const;
const KEBAB_CASE = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;

/**
 * The contract every generator input plugin meets, as a vitest `describe` block: built-ins and users'
 * plugins run the same checks. `size` is a positive integer; features are batch × size for batches of
 * 1, 7 and 32 (also when the size changes between calls) and finite; the context matrices are left
 * untouched; with `training: false` equal contexts give equal features (no state change); the name is
 * kebab-case and the description non-empty.
 *
 * @example
 * ```ts
 * // myInput.test.ts
 * import { describeGeneratorInputContract } from '@synthgrad/generator-inputs/testing';
 * describeGeneratorInputContract(myInput, { pluginOptions: { scale: 2 } });
 * ```
 */
export function describeGeneratorInputContract(
  plugin: GeneratorInputPlugin,
  options: GeneratorInputContractOptions = {},
): void {
  const shape = options.shape ?? CONTRACT_LAYER_SHAPE;

  describe(`generator input contract: ${plugin.name}`, () => {
    const create = (): GeneratorInput => {
      const backend = options.backend ?? new CpuBackend();
      const registry =
        options.registry ??
        new PluginRegistry('generator input', [
          ...builtInGeneratorInputs.filter((builtIn) => builtIn.name !== plugin.name),
          plugin,
        ]);
      const environment: GeneratorInputEnvironment = {
        backend,
        create: (spec, partShape) => createGeneratorInput(registry, spec, partShape, backend),
      };
      return plugin.create(shape, options.pluginOptions, environment);
    };
    const contexts = (seed: number, batch: number, training: boolean): GeneratorInputContext =>
      randomGeneratorInputContext(shape, batch, new Rng(seed), training);

    it('has a kebab-case name and a description', () => {
      expect(plugin.name).toMatch(KEBAB_CASE);
      expect(typeof plugin.description).toBe('string');
      expect(plugin.description.trim()).not.toBe('');
    });

    it('has a positive integer size', () => {
      const { size } = create();
      expect(Number.isInteger(size), `size ${size}`).toBe(true);
      expect(size).toBeGreaterThan(0);
    });

    it.each(BATCH_SIZES)('gives batch × size finite features for a batch of %i', (batch) => {
      const input = create();
      for (const training of [true, false]) {
        const features = input.features(contexts(batch, batch, training));
        expectShape(features, batch, input.size);
        expectFinite(features);
      }
    });

    it('gives batch × size features when the batch size changes between calls', () => {
      const input = create();
      for (const batch of [7, 32, 1, 7, 7]) {
        expectShape(input.features(contexts(100 + batch, batch, true)), batch, input.size);
      }
    });

    it('does not mutate the context matrices', () => {
      const input = create();
      for (const training of [true, false, true]) {
        const context = contexts(7, 7, training);
        const before = snapshot(context);
        input.features(context);
        expect(snapshot(context)).toEqual(before);
      }
    });

    it('changes no state when training is false: equal contexts give equal features', () => {
      const input = create();
      input.features(contexts(1, 7, true));
      input.features(contexts(2, 7, true));
      const measured = contexts(3, 7, false);
      const first = input.features(measured).toArray();
      input.features(contexts(4, 7, false));
      input.features(contexts(5, 32, false));
      expect(input.features(measured).toArray()).toEqual(first);
    });
  });
}

function expectShape(features: Matrix, rows: number, cols: number): void {
  expect(`${features.rows}×${features.cols}`).toBe(`${rows}×${cols}`);
  expect(features.data.length).toBe(rows * cols);
}

function expectFinite(features: Matrix): void {
  const bad = features.data.findIndex((value) => !Number.isFinite(value));
  expect(bad, `non-finite value ${features.data[bad]} at index ${bad}`).toBe(-1);
}

function snapshot(context: GeneratorInputContext): Record<string, number[][]> {
  return {
    layerInput: context.layerInput.toArray(),
    layerOutput: context.layerOutput.toArray(),
    inputs: context.inputs.toArray(),
    labels: context.labels.toArray(),
  };
}
