import type { TrainerAlgorithm } from '@synthgrad/core';
import type { SavedTrainer } from '../state/SavedTrainer.js';
import { saveTrainerState } from '../state/saveTrainerState.js';
import type { ModelSpec } from './ModelSpec.js';

/**
 * {@link saveTrainerState} with the trainer's {@link ModelSpec} in the manifest (`model`), so that
 * the saved state describes itself: `loadModel(folder)` of `synthgrad/node` rebuilds the trainer
 * from it alone, and `exportOnnx` reads the network from it. The tensors are the same as
 * `saveTrainerState`'s, so `loadTrainerState` reads it as before.
 *
 * @example
 * ```ts
 * const saved = saveModelState(trainer, describeModel(spec, dataset, container.get(TensorBackend), '0.1.0'));
 * await writeTrainerFolder('models/adder', saved);
 * ```
 */
export function saveModelState(trainer: TrainerAlgorithm, model: ModelSpec, metadata?: Readonly<Record<string, unknown>>): SavedTrainer {
  if (model.trainer.algorithm !== trainer.name) {
    throw new Error(`saveModelState: the model spec names trainer "${model.trainer.algorithm}" but the trainer is "${trainer.name}"`);
  }
  const saved = saveTrainerState(trainer, metadata);
  return { manifest: { ...saved.manifest, model }, tensors: saved.tensors };
}
