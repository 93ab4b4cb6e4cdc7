import { TensorBackend, type Dataset, type TrainerAlgorithm } from '@synthgrad/core';
import { describeModel, saveModelState, type TrainerSpec } from '@synthgrad/trainers';
import { writeTrainerFolder } from '@synthgrad/trainers/node';
import type { Container } from 'inversify';
import { synthgradVersion } from './synthgradVersion.js';

/** What {@link saveModel} needs to describe the trainer: how it was made. */
export interface SaveModelSource {
  /** The container the trainer was created with (its `TensorBackend` gives the backend and dtype). */
  readonly container: Container;
  /** The dataset it was created for (only its name, task and sizes are kept). */
  readonly dataset: Dataset;
  /** The spec given to `createTrainer`. */
  readonly spec: TrainerSpec;
  /** Kept beside the weights in the manifest's `metadata`. */
  readonly metadata?: Readonly<Record<string, unknown>>;
}

/**
 * Writes `trainer` to `folder` (`manifest.json` + one `.npy` per tensor, as `writeTrainerFolder`)
 * with its spec, its data's name, task and sizes, the backend, dtype and this synthgrad's version,
 * so that {@link loadModel} rebuilds it from the folder alone.
 *
 * @example
 * ```ts
 * const trainer = createTrainer(container, dataset, spec);
 * fit(trainer, dataset, container.get(TensorBackend), { epochs: 5 });
 * await saveModel('models/adder', trainer, { container, dataset, spec });
 * ```
 */
export async function saveModel(folder: string, trainer: TrainerAlgorithm, source: SaveModelSource): Promise<void> {
  const model = describeModel(source.spec, source.dataset, source.container.get(TensorBackend), synthgradVersion);
  await writeTrainerFolder(folder, saveModelState(trainer, model, source.metadata));
}
