import { zerosFor, type Rng, type TensorBackend } from '@synthgrad/tensor';
import { skipped, type CaseResult } from './CaseResult.js';
import { measure, type MeasureOptions } from './measure.js';

/** `(m×k)·(k×n)`. */
export interface MatmulShape {
  readonly m: number;
  readonly k: number;
  readonly n: number;
}

/** The tutorial's first layer at batch 10. */
export const TUTORIAL_SHAPE: MatmulShape = { m: 10, k: 24, n: 128 };
/** An MNIST hidden layer (784→256) at batch 128. */
export const MNIST_SHAPE: MatmulShape = { m: 128, k: 784, n: 256 };
/** 256³, the shape of the GFLOP/s target. */
export const SQUARE_256_SHAPE: MatmulShape = { m: 256, k: 256, n: 256 };

export const MATMUL_SHAPES: readonly MatmulShape[] = [TUTORIAL_SHAPE, MNIST_SHAPE, SQUARE_256_SHAPE];

/** GFLOP/s: median and extremes over the samples. */
export interface Rate {
  readonly median: number;
  readonly min: number;
  readonly max: number;
}

export interface MatmulCaseOptions extends MeasureOptions {
  /** Skip the shape when one probe product says warm-up plus repetitions would take longer. */
  readonly budgetMs: number;
}

export function matmulLabel({ m, k, n }: MatmulShape): string {
  return `${m}×${k}·${k}×${n}`;
}

/** The key of this shape in the numpy reference's `matmul_gflops`. */
export function matmulKey({ m, k, n }: MatmulShape): string {
  return `${m}x${k}x${n}`;
}

/** GFLOP/s (2·m·k·n flops per product) of `backend.matmul` into a preallocated `out`. */
export function benchMatmul(
  backend: TensorBackend,
  shape: MatmulShape,
  rng: Rng,
  options: MatmulCaseOptions,
): CaseResult<Rate> {
  // Operands in the backend's own storage (resident in wasm memory on wasm), as numpy's are its.
  const a = zerosFor(backend, shape.m, shape.k);
  const b = zerosFor(backend, shape.k, shape.n);
  const out = zerosFor(backend, shape.m, shape.n);
  rng.fillNormal(a, 0, 1);
  rng.fillNormal(b, 0, 1);
  const product = (): void => {
    backend.matmul(a, b, undefined, out);
  };

  const t0 = performance.now();
  product();
  const probeMs = performance.now() - t0;
  const estimateMs = probeMs * (options.warmup + options.repetitions);
  if (estimateMs > options.budgetMs) {
    return skipped(`skipped: ${formatSeconds(probeMs)}/product`);
  }

  const timing = measure(product, options);
  const gflop = (2 * shape.m * shape.k * shape.n) / 1e9;
  return {
    value: {
      median: gflop / (timing.median / 1e3),
      min: gflop / (timing.max / 1e3),
      max: gflop / (timing.min / 1e3),
    },
  };
}

function formatSeconds(ms: number): string {
  return ms >= 1000 ? `${(ms / 1000).toFixed(1)} s` : `${ms.toFixed(0)} ms`;
}
