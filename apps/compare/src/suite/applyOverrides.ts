import type { Suite } from './suiteSchema.js';

/** What the command line may change in a suite before it runs. */
export interface SuiteOverrides {
  readonly seeds?: readonly number[];
  /** Replaces the suite's epochs and every configuration's own. */
  readonly epochs?: number;
  readonly backend?: string;
  readonly dtype?: 'float64' | 'float32';
  /** Absolute paths of `--plugin` modules, loaded after the suite's own. */
  readonly plugins?: readonly string[];
}

/** The suite as it will run; this is what `suite.json` records, so `--resume` needs no options. */
export function applyOverrides(suite: Suite, overrides: SuiteOverrides): Suite {
  const { seeds, epochs, backend, dtype, plugins } = overrides;
  const extraPlugins = (plugins ?? []).filter((p) => !(suite.plugins ?? []).includes(p));
  return {
    ...suite,
    ...(seeds ? { seeds: [...seeds] } : {}),
    ...(backend ? { backend } : {}),
    ...(dtype ? { dtype } : {}),
    ...(extraPlugins.length ? { plugins: [...(suite.plugins ?? []), ...extraPlugins] } : {}),
    ...(epochs === undefined
      ? {}
      : {
          training: { ...suite.training, epochs },
          runs: suite.runs.map((run) => (run.training?.epochs === undefined ? run : { ...run, training: { ...run.training, epochs } })),
        }),
  };
}
