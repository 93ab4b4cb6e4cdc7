import {
  ConfigError,
  TensorBackend,
  TrainerAlgorithmRegistry,
  type Dataset,
  type NetworkSpec,
  type TrainerAlgorithm,
} from '@synthgrad/core';
import { LayerRegistry } from '@synthgrad/layers';
import { Rng } from '@synthgrad/tensor';
import type { Container } from 'inversify';
import type { DniOptions } from './algorithms/DniOptions.js';
import type { FeedbackOptions } from './algorithms/FeedbackOptions.js';
import { assertTrainerFits } from './memory/assertTrainerFits.js';
import { estimateTrainerMemory, type TrainerMemoryEstimate } from './memory/estimateTrainerMemory.js';

/**
 * The options type of each trainer by name, so that `createTrainer` checks them with `tsc`.
 * A package that registers a trainer adds its own by declaration merging:
 *
 * @example
 * ```ts
 * declare module '@synthgrad/trainers' {
 *   interface TrainerOptionsMap { 'my-trainer': { readonly depth?: number } }
 * }
 * ```
 * Names not in the map are still accepted (a plugin registered at run time), with options `unknown`;
 * the trainer checks them when it is created either way.
 */
export interface TrainerOptionsMap {
  backprop: Record<string, never>;
  dni: DniOptions;
  'feedback-alignment': FeedbackOptions;
  'direct-feedback-alignment': FeedbackOptions;
  'last-layer-only': Record<string, never>;
}

/** The options a trainer named `A` takes: from {@link TrainerOptionsMap}, else `unknown`. */
export type TrainerOptions<A extends string> = A extends keyof TrainerOptionsMap ? TrainerOptionsMap[A] : unknown;

export interface TrainerSpec<A extends string = string> {
  /** A registered trainer: `"backprop"`, `"dni"`, or one a module adds. */
  readonly algorithm: A;
  /** The trainer's own options (for `dni`, {@link DniOptions}), typed by {@link TrainerOptionsMap}. */
  readonly options?: TrainerOptions<A>;
  readonly network: NetworkSpec;
  /** Seed of the weights' and generators' initialisation and of random update schedules (default 0). */
  readonly seed?: number;
}

export interface CreateTrainerLimits {
  /**
   * Bytes the trainer's weights, gradients, optimiser state and generators may take, estimated by
   * `estimateTrainerMemory` before anything is allocated (default 8 GiB). Over it, or with one
   * matrix longer than a typed array can be, `createTrainer` throws a `MemoryBudgetError`.
   */
  readonly memoryBudget?: number;
}

/**
 * Resolves a trainer by name from the container (once: pass the result to `fit`) and builds it
 * for `dataset`'s sizes.
 *
 * @example
 * ```ts
 * const trainer = createTrainer(container, dataset, {
 *   algorithm: 'dni', options: { generatorInput: 'labels' }, network: tutorialNetwork(),
 * });
 * ```
 * It refuses, before allocating, a trainer that cannot fit (see {@link CreateTrainerLimits}).
 */
export function createTrainer<A extends string>(
  container: Container,
  dataset: Dataset,
  spec: TrainerSpec<A>,
  limits: CreateTrainerLimits = {},
): TrainerAlgorithm {
  // An empty registry names trainersModule (coreModule says so when it binds the registry).
  const plugin = container.get(TrainerAlgorithmRegistry).get(spec.algorithm);
  const dtype = container.get(TensorBackend).dtype ?? 'float64';
  const layerKinds = container.isBound(LayerRegistry) ? container.get(LayerRegistry) : undefined;
  let estimate: TrainerMemoryEstimate | undefined;
  try {
    estimate = estimateTrainerMemory(spec, dataset, dtype, layerKinds);
  } catch (error) {
    // A spec the estimate cannot read: the trainer's own checks name what is wrong, in their order.
    if (!(error instanceof ConfigError)) throw error;
  }
  if (estimate) assertTrainerFits(estimate, limits.memoryBudget);
  return plugin.create(
    {
      network: spec.network,
      inputSize: dataset.inputSize,
      labelSize: dataset.labelSize,
      task: dataset.task,
      backend: container.get(TensorBackend),
      rng: new Rng(spec.seed ?? 0),
    },
    spec.options,
  );
}
