import { CpuBackend, MathjsBackend, type TensorBackend } from '@synthgrad/tensor';
import { BlasBackend } from '@synthgrad/tensor-blas';
import { WasmBackend } from '@synthgrad/tensor-wasm';
import {
  MATMUL_SHAPES,
  SQUARE_256_SHAPE,
  TUTORIAL_SHAPE,
  type MatmulCaseOptions,
  type MatmulShape,
} from './matmulCase.js';
import type { MeasureOptions } from './measure.js';

/** A backend and how hard to time it: the slow ones get fewer shapes and epochs. */
export interface BenchBackend {
  readonly backend: TensorBackend;
  readonly matmulShapes: readonly MatmulShape[];
  readonly matmul: MatmulCaseOptions;
  readonly tutorial: MeasureOptions;
  /** Printed under the tables when the backend skips work, e.g. why some shapes are not run. */
  readonly note?: string;
}

/** The backends the bench compares; the first is the one the targets are about. */
export function benchBackends(quick: boolean): readonly BenchBackend[] {
  return [
    {
      backend: new CpuBackend(),
      matmulShapes: MATMUL_SHAPES,
      matmul: { warmup: 3, repetitions: quick ? 5 : 15, minSampleMs: 20, budgetMs: 10_000 },
      tutorial: { warmup: quick ? 1 : 3, repetitions: quick ? 5 : 20, budgetMs: 8_000 },
    },
    {
      // Resident matrices: the bench's own matrices come from `zeros`, so ops copy nothing.
      backend: new WasmBackend({ resident: true }),
      matmulShapes: MATMUL_SHAPES,
      matmul: { warmup: 3, repetitions: quick ? 5 : 15, minSampleMs: 20, budgetMs: 10_000 },
      tutorial: { warmup: quick ? 1 : 3, repetitions: quick ? 5 : 20, budgetMs: 8_000 },
    },
    ...blasBackend(quick),
    {
      backend: new MathjsBackend(),
      matmulShapes: [TUTORIAL_SHAPE, SQUARE_256_SHAPE],
      matmul: { warmup: 1, repetitions: quick ? 3 : 7, minSampleMs: 20, budgetMs: 10_000 },
      tutorial: { warmup: 1, repetitions: quick ? 2 : 5, budgetMs: quick ? 3_000 : 8_000 },
      note:
        'mathjs is far slower (50–200×): its matmul runs only the 10×24 and 256³ shapes ' +
        '(256³ when it fits a 10 s budget), and it trains fewer epochs.',
    },
  ];
}

/** The blas backend where OpenBLAS loads; elsewhere a note says what to install. */
function blasBackend(quick: boolean): BenchBackend[] {
  let backend: BlasBackend;
  try {
    backend = new BlasBackend();
  } catch (error) {
    console.log(`blas backend skipped: ${(error as Error).message}`);
    return [];
  }
  return [
    {
      backend,
      matmulShapes: MATMUL_SHAPES,
      matmul: { warmup: 3, repetitions: quick ? 5 : 15, minSampleMs: 20, budgetMs: 10_000 },
      tutorial: { warmup: quick ? 1 : 3, repetitions: quick ? 5 : 20, budgetMs: 8_000 },
    },
  ];
}
