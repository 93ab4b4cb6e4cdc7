import { Rng } from '@synthgrad/tensor';
import type { BenchBackend } from './benchBackends.js';
import { binaryAdditionDataset } from './binaryAdditionDataset.js';
import { formatNumber, formatRange, formatTable } from './formatTable.js';
import type { Timing } from './measure.js';
import type { NumpyReference } from './numpyReference.js';
import { TUTORIAL } from './tutorialConfig.js';
import { benchTutorial } from './tutorialCase.js';
import { TUTORIAL_VARIANTS } from './tutorialVariants.js';

/** The batch sizes numpy reports (`batch10_ms`, `batch100_ms`). */
export const TUTORIAL_BATCH_SIZES = [10, 100] as const;

export interface TutorialResult {
  readonly variant: string;
  readonly backend: string;
  readonly batchSize: number;
  readonly timing: Timing;
}

/** Times every tutorial variant on every backend at each batch size, then tabulates against numpy. */
export function runTutorialSection(
  backends: readonly BenchBackend[],
  numpy: NumpyReference | undefined,
  seed: number,
): { readonly results: readonly TutorialResult[]; readonly table: string } {
  const dataset = binaryAdditionDataset(new Rng(seed), TUTORIAL.examples, TUTORIAL.bits);
  const results: TutorialResult[] = [];
  for (const variant of TUTORIAL_VARIANTS) {
    for (const { backend, tutorial } of backends) {
      for (const batchSize of TUTORIAL_BATCH_SIZES) {
        const timing = benchTutorial(variant, backend, dataset, batchSize, seed, tutorial);
        results.push({ variant: variant.name, backend: backend.name, batchSize, timing });
      }
    }
  }

  const header = ['case', 'backend', 'batch', 'ms/epoch', '[min–max]', 'epochs', '÷ raw ops', 'numpy', '÷ numpy'];
  const rows = results.map(({ variant, backend, batchSize, timing }) => {
    const reference = numpyMsPerEpoch(numpy, batchSize);
    const baseline = results.find(
      (r) => r.variant === TUTORIAL_VARIANTS[0].name && r.backend === backend && r.batchSize === batchSize,
    );
    return [
      variant,
      backend,
      String(batchSize),
      formatNumber(timing.median),
      formatRange(timing.min, timing.max),
      String(timing.samples),
      baseline === undefined ? '—' : `${formatNumber(timing.median / baseline.timing.median)}×`,
      reference === undefined ? '—' : formatNumber(reference),
      reference === undefined ? '—' : `${formatNumber(timing.median / reference)}×`,
    ];
  });
  return { results, table: formatTable(header, rows, ['l', 'l']) };
}

export function numpyMsPerEpoch(numpy: NumpyReference | undefined, batchSize: number): number | undefined {
  if (numpy === undefined) return undefined;
  if (batchSize === 10) return numpy.batch10_ms;
  if (batchSize === 100) return numpy.batch100_ms;
  return undefined;
}
