/** Bounds of command-line counts: past them a typo would cost the machine rather than run a study. */
export const CliLimits = {
  /** Seeds per configuration (`--seeds n`). */
  seeds: 10_000,
  /** Largest seed value: seeds are 32-bit. */
  seed: 2 ** 32 - 1,
  /** Epochs per run (`--epochs n`). */
  epochs: 1_000_000,
  /** Worker threads (`--workers n`). */
  workers: 256,
} as const;
