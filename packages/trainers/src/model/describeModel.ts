import type { Dataset, TensorBackend } from '@synthgrad/core';
import type { TrainerSpec } from '../createTrainer.js';
import type { ModelSpec } from './ModelSpec.js';

/**
 * The {@link ModelSpec} of a trainer made by `createTrainer(container, dataset, trainer)` with
 * `backend` (the container's `TensorBackend`): what `saveModelState` records beside the weights.
 *
 * @example
 * ```ts
 * const model = describeModel(spec, dataset, container.get(TensorBackend), '0.1.0');
 * writeTrainerFolder('models/adder', saveModelState(trainer, model));
 * ```
 */
export function describeModel(trainer: TrainerSpec, dataset: Dataset, backend: TensorBackend, synthgradVersion: string): ModelSpec {
  return {
    trainer: {
      algorithm: trainer.algorithm,
      ...(trainer.options === undefined ? {} : { options: trainer.options }),
      network: trainer.network,
      seed: trainer.seed ?? 0,
    },
    dataset: { name: dataset.name, task: dataset.task, inputSize: dataset.inputSize, labelSize: dataset.labelSize },
    dtype: backend.dtype ?? 'float64',
    backend: backend.name,
    synthgradVersion,
  };
}
