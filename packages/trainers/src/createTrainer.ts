import {
  MissingModuleError,
  TensorBackend,
  TrainerAlgorithmRegistry,
  type Dataset,
  type NetworkSpec,
  type TrainerAlgorithm,
} from '@synthgrad/core';
import { Rng } from '@synthgrad/tensor';
import type { Container } from 'inversify';

export interface TrainerSpec {
  /** A registered trainer: `"backprop"`, `"dni"`, or one a module adds. */
  readonly algorithm: string;
  /** The trainer's own options (for `dni`, {@link DniOptions}). */
  readonly options?: unknown;
  readonly network: NetworkSpec;
  /** Seed of the weights' and generators' initialisation and of random update schedules (default 0). */
  readonly seed?: number;
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
 */
export function createTrainer(container: Container, dataset: Dataset, spec: TrainerSpec): TrainerAlgorithm {
  const registry = container.get(TrainerAlgorithmRegistry);
  if (registry.names().length === 0) throw new MissingModuleError('TrainerAlgorithmPlugin', 'trainersModule', '@synthgrad/trainers');
  const plugin = registry.get(spec.algorithm);
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
