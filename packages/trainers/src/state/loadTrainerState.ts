import type { TrainerAlgorithm } from '@synthgrad/core';
import { FormatError } from '@synthgrad/layers';
import type { SavedTrainer } from './SavedTrainer.js';
import { RNG_PREFIX } from './saveTrainerState.js';

/**
 * Writes a {@link SavedTrainer} into `trainer` (one built with the same algorithm, network and
 * options), in place. Everything is checked before anything is written: the manifest, the same
 * set of names on both sides, every shape, and every random stream; a mismatch throws a
 * `FormatError` naming the tensor.
 *
 * @example
 * ```ts
 * const trainer = createTrainer(container, dataset, spec);   // the spec it was trained with
 * loadTrainerState(trainer, await readTrainerFolder('weights/dni-labels/seed-0'));
 * ```
 */
export function loadTrainerState(trainer: TrainerAlgorithm, saved: SavedTrainer): void {
  const fail = (message: string): never => {
    throw new FormatError(`loadTrainerState: ${message}`);
  };
  const { manifest, tensors } = saved;
  if (manifest?.format !== 'synthgrad-trainer') fail(`format is ${JSON.stringify(manifest?.format)}, expected "synthgrad-trainer"`);
  if (manifest.version !== 1) fail(`version ${JSON.stringify(manifest.version)} is not supported (expected 1)`);
  if (manifest.algorithm !== trainer.name) {
    fail(`the saved trainer is "${manifest.algorithm}" but this one is "${trainer.name}"`);
  }
  const { tensors: live, rngs } = trainer.state();
  const expected = [...Object.keys(live), ...Object.keys(rngs).map((n) => RNG_PREFIX + n)];
  const given = Object.keys(tensors);
  const missing = expected.filter((n) => !Object.hasOwn(tensors, n));
  const unexpected = given.filter((n) => !expected.includes(n));
  if (missing.length) fail(`missing ${list(missing)} (the saved trainer has ${list(given)})`);
  if (unexpected.length) fail(`unexpected ${list(unexpected)} (this trainer has ${list(expected)})`);
  for (const [name, target] of Object.entries(live)) {
    if (!tensors[name].sameShape(target)) fail(`"${name}" is ${tensors[name].shape} in the saved trainer but ${target.shape} here`);
  }
  const streams = Object.entries(rngs).map(([name, rng]) => {
    const m = tensors[RNG_PREFIX + name];
    if (m.rows !== 1 || m.cols !== 6) fail(`"${RNG_PREFIX}${name}" is ${m.shape}, expected 1×6`);
    // Checks the words before anything is written; restoreState throws the same checks' message.
    const probe = rng.saveState();
    try {
      rng.restoreState(m.data);
    } catch (error) {
      fail(`"${RNG_PREFIX}${name}": ${(error as Error).message}`);
    } finally {
      rng.restoreState(probe);
    }
    return [rng, m.data] as const;
  });
  for (const [name, target] of Object.entries(live)) target.data.set(tensors[name].data);
  for (const [rng, data] of streams) rng.restoreState(data);
}

function list(names: readonly string[]): string {
  return names.length ? names.map((n) => `"${n}"`).join(', ') : '(none)';
}
