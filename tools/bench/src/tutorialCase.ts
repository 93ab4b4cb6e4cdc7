import { Rng, type TensorBackend } from '@synthgrad/tensor';
import type { BinaryAdditionDataset } from './binaryAdditionDataset.js';
import { measure, type MeasureOptions, type Timing } from './measure.js';
import type { TutorialVariant } from './TutorialVariant.js';

/**
 * Milliseconds per epoch of `variant` on `backend`; every call starts from the same weights
 * (`new Rng(seed)`), so backends and variants train the same network.
 */
export function benchTutorial(
  variant: TutorialVariant,
  backend: TensorBackend,
  dataset: BinaryAdditionDataset,
  batchSize: number,
  seed: number,
  options: MeasureOptions,
): Timing {
  const workload = variant.create(backend, dataset, batchSize, new Rng(seed));
  return measure(() => workload.epoch(), options);
}
