/**
 * Bounds of every number a link or the settings form may set. The page cannot import the CLI
 * (Node code), so the numbers are copied here, each naming where it comes from; the CLI's own
 * checks of an exported suite hold them (`test/playgroundLimits.test.ts`). Past them a typo or a
 * hostile link would freeze the page or ask the worker for gigabytes.
 */
export const PlaygroundLimits = {
  /** Epochs of a run: apps/compare `CliLimits.epochs` and the suite schema's `training.epochs`. */
  epochs: 1_000_000,
  /** Largest seed: apps/compare `CliLimits.seed` (seeds are 32-bit). */
  seed: 2 ** 32 - 1,
  /** Digits of binary addition: the `binary-addition` dataset's own range (packages/datasets). */
  bits: { min: 2, max: 26 },
  /**
   * Examples of a split, and the largest batch: the page holds its data in one worker (2·26 inputs a
   * sum at most); the CLI bounds them by memory only.
   */
  examples: 100_000,
  /** Hidden layers of a network: the deepest network of the paper (DNI) has 6; a page that drew 20,000 would freeze. */
  hiddenLayers: 16,
  /** Units of one layer. */
  units: 4096,
  /** Generator inputs checked at once (their combination). */
  generatorInputs: 16,
  /** Characters of a name or formula (the layers package refuses formulas past 500 with its own reason). */
  text: 2000,
  /**
   * Bytes a run's trainer may take (weights, gradients, optimiser state, generators), estimated by
   * the trainers package before anything is allocated (`createTrainer`'s `memoryBudget`; the CLI's
   * default is 8 GiB). A wasm memory holds at most 2 GiB.
   */
  memoryBudget: 1024 ** 3,
} as const;
