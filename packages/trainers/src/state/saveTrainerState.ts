import type { TrainerAlgorithm } from '@synthgrad/core';
import { Matrix } from '@synthgrad/tensor';
import type { SavedTrainer, TrainerManifest } from './SavedTrainer.js';

/** Prefix of the tensors that hold random streams. */
export const RNG_PREFIX = 'rng.';

/**
 * A copy of everything `trainer` needs to go on training exactly as it would have (see
 * `TrainerAlgorithm.state`), with its manifest. Pure and browser-safe: write it with
 * `writeTrainerFolder` from `@synthgrad/trainers/node`, or keep it in memory.
 *
 * @example
 * ```ts
 * const saved = saveTrainerState(trainer, { configuration: 'dni-labels', seed: 3 });
 * loadTrainerState(freshTrainer, saved);   // the same predictions, bit for bit
 * ```
 */
export function saveTrainerState(trainer: TrainerAlgorithm, metadata?: Readonly<Record<string, unknown>>): SavedTrainer {
  const { tensors: live, rngs } = trainer.state();
  const tensors: Record<string, Matrix> = {};
  const entries: Record<string, TrainerManifest['tensors'][string]> = {};
  const add = (name: string, m: Matrix) => {
    if (Object.hasOwn(tensors, name)) throw new Error(`saveTrainerState: two tensors are named "${name}"`);
    if (!/^[A-Za-z0-9_][A-Za-z0-9_.-]*$/.test(name)) {
      throw new Error(`saveTrainerState: tensor name "${name}" is not usable as a file name (letters, digits, _ . - only)`);
    }
    tensors[name] = m;
    entries[name] = { file: `${name}.npy`, rows: m.rows, cols: m.cols };
  };
  for (const [name, m] of Object.entries(live)) {
    if (name.startsWith(RNG_PREFIX)) throw new Error(`saveTrainerState: tensor "${name}" uses the prefix reserved for random streams`);
    add(name, m.clone());
  }
  for (const [name, rng] of Object.entries(rngs)) add(RNG_PREFIX + name, Matrix.fromArray([Array.from(rng.saveState())]));
  const manifest: TrainerManifest = {
    format: 'synthgrad-trainer',
    version: 1,
    algorithm: trainer.name,
    tensors: entries,
    rngs: Object.keys(rngs),
    ...(metadata === undefined ? {} : { metadata }),
  };
  return { manifest, tensors };
}
