import { TensorBackendRegistry, type Dataset, type TrainerAlgorithm } from '@synthgrad/core';
import { Matrix, ShapeError } from '@synthgrad/tensor';
import { createTrainer, loadTrainerState, readModelSpec, type ModelSpec } from '@synthgrad/trainers';
import { readTrainerFolder } from '@synthgrad/trainers/node';
import type { Container } from 'inversify';
import { createSynthgradContainer } from '../createSynthgradContainer.js';

/** Options of {@link loadModel}. */
export interface LoadModelOptions {
  /**
   * The container to rebuild the trainer with: pass one with your modules when the model uses a
   * plugin (a layer kind, generator input or trainer of your own). Default: `createSynthgradContainer`
   * with the backend and dtype the model was saved with (the default backend if that one is not built in).
   */
  readonly container?: Container;
}

/** A trainer rebuilt from a self-describing folder. */
export interface LoadedModel {
  /** What the folder says the model is. */
  readonly spec: ModelSpec;
  /** The rebuilt trainer, its state as saved (it can go on training). */
  readonly trainer: TrainerAlgorithm;
  /** The manifest's `metadata` (the configuration, seed, epochs, … the saver kept). */
  readonly metadata: Readonly<Record<string, unknown>>;
  /** The network's outputs for `inputs` (N × `spec.dataset.inputSize`): logits for classification. */
  predict(inputs: Matrix): Matrix;
}

/**
 * Rebuilds the trainer a self-describing folder holds (written by `saveModel`, or by
 * `synthgrad compare --save-weights`) from the folder alone: its spec, then its weights, statistics
 * and random streams, so that `predict` gives the saved trainer's predictions bit for bit (on the same
 * backend and dtype). A folder saved without a spec is refused with a message saying how to load it
 * the old way (`createTrainer` + `loadTrainerState`).
 *
 * @example
 * ```ts
 * import { loadModel } from 'synthgrad/node';
 * const model = await loadModel('results/seed/2026-11-26T04-30-00Z/weights/backprop/seed-1');
 * model.predict(Matrix.fromArray([[0, 1, 1, 0, 1, 0, 0, 1]]));
 * ```
 */
export async function loadModel(folder: string, options: LoadModelOptions = {}): Promise<LoadedModel> {
  const saved = await readTrainerFolder(folder);
  const spec = readModelSpec(saved.manifest, folder);
  const container = options.container ?? defaultContainer(spec);
  const { name, task, inputSize, labelSize } = spec.dataset;
  const empty = { inputs: new Matrix(0, inputSize), labels: new Matrix(0, labelSize) };
  const sizes: Dataset = { name, task, inputSize, labelSize, train: empty, test: empty };
  const trainer = createTrainer(container, sizes, spec.trainer);
  loadTrainerState(trainer, saved);
  return {
    spec,
    trainer,
    metadata: saved.manifest.metadata ?? {},
    predict(inputs: Matrix): Matrix {
      if (inputs.cols !== inputSize) {
        throw new ShapeError(`loadModel(${folder}).predict: inputs are ${inputs.shape} but the model takes ${inputSize} columns`);
      }
      return trainer.predict(inputs);
    },
  };
}

function defaultContainer(spec: ModelSpec): Container {
  const probe = createSynthgradContainer();
  const builtIn = spec.backend !== undefined && probe.get(TensorBackendRegistry).has(spec.backend);
  return createSynthgradContainer({ ...(builtIn ? { backend: spec.backend } : {}), dtype: spec.dtype });
}
