/**
 * Bounds of a suite as it will run, checked before anything is expanded or allocated: past them a
 * typo (a sweep of 10⁹ settings, `samples: 1e9`) would cost the machine rather than run a study.
 */
export const SuiteLimits = {
  /** Configurations after a sweep's expansion (a grid's combinations, or `sweep.samples` per swept configuration). */
  configurations: 10_000,
  /** Runs: configurations × seeds. */
  runs: 100_000,
  /** A label's length: it names a folder (255 bytes at most in every file system), and a table row. */
  labelLength: 255,
} as const;
