import { defaultBackendName } from 'synthgrad';
import type { RunSpec } from '../run/RunSpec.js';
import type { Suite } from './suiteSchema.js';

/** The suite's backend when neither the suite nor `--backend` names one: `wasm` where it loads, else `cpu`. */
export const DEFAULT_BACKEND = defaultBackendName();

/**
 * Every (configuration, seed) pair of a suite, seed-major (all configurations with the first seed,
 * then with the second, …) so an interrupted suite has compared every configuration at least once.
 * Each configuration's `network` and `training` are merged shallowly over the suite's.
 */
export function expandRuns(suite: Suite): RunSpec[] {
  const total = suite.runs.length * suite.seeds.length;
  return suite.seeds.flatMap((seed, s) =>
    suite.runs.map((run, r): RunSpec => ({
      index: s * suite.runs.length + r,
      total,
      suite: suite.name,
      label: run.label,
      seed,
      trainer: run.trainer,
      options: run.options ?? {},
      network: { ...suite.network, ...run.network },
      dataset: { name: suite.dataset.name, options: suite.dataset.options ?? {} },
      training: { ...suite.training, ...run.training },
      backend: suite.backend ?? DEFAULT_BACKEND,
      dtype: suite.dtype ?? 'float64',
    })),
  );
}

/** The key of a (configuration, seed) pair, for matching runs against finished records. */
export function runKey(run: { readonly label: string; readonly seed: number }): string {
  return JSON.stringify([run.label, run.seed]);
}
