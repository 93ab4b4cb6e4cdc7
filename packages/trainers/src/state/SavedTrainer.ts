import type { Matrix } from '@synthgrad/tensor';
import type { ModelSpec } from '../model/ModelSpec.js';

/** The JSON manifest of a saved trainer: which tensors there are, their shapes and files. */
export interface TrainerManifest {
  readonly format: 'synthgrad-trainer';
  readonly version: 1;
  /** The trainer's name (`"dni"`, …): loading into another algorithm is refused. */
  readonly algorithm: string;
  /** Each tensor by state name, with the `.npy` file that holds it in a saved folder. */
  readonly tensors: Readonly<Record<string, { readonly file: string; readonly rows: number; readonly cols: number }>>;
  /** Names of the random streams; stream `s` is the 1 × 6 tensor `rng.s` (see `Rng.saveState`). */
  readonly rngs: readonly string[];
  /** Whatever the caller wants kept beside the weights (the configuration, the seed, …). */
  readonly metadata?: Readonly<Record<string, unknown>>;
  /** How to rebuild the trainer without its original code (see `saveModelState`); absent in older folders. */
  readonly model?: ModelSpec;
}

/**
 * A trainer's state in memory, independent of files: the manifest and a copy of every tensor.
 * `@synthgrad/trainers/node` writes it as a folder (`manifest.json` + one `.npy` per tensor).
 */
export interface SavedTrainer {
  readonly manifest: TrainerManifest;
  readonly tensors: Readonly<Record<string, Matrix>>;
}
