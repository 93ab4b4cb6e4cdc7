import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { skipped, type CaseResult } from './CaseResult.js';
import { runJsonChild } from './childJson.js';

/** What tools/reference/mnist_mlp_bench.py prints (medians, seconds per 10,000 examples). */
export interface MnistNumpyReference {
  readonly f64_s_per_10k: number;
  readonly f32_s_per_10k: number;
  readonly numpy: string;
  readonly blas_threads: string;
}

const SCRIPT = fileURLToPath(new URL('../../reference/mnist_mlp_bench.py', import.meta.url));

/** The MNIST-shaped MLP in numpy, float64 and float32, with `OPENBLAS_NUM_THREADS` = `threads`. */
export function runMnistNumpyReference(quick: boolean, threads: string): CaseResult<MnistNumpyReference> {
  const probe = spawnSync('python3', ['-c', 'import numpy'], { encoding: 'utf8' });
  if (probe.error !== undefined || probe.status !== 0) return skipped('numpy: not available, skipped');
  const env = { ...process.env };
  if (threads === 'default') delete env.OPENBLAS_NUM_THREADS;
  else env.OPENBLAS_NUM_THREADS = threads;
  return runJsonChild<MnistNumpyReference>('numpy MNIST MLP', 'python3', [SCRIPT, ...(quick ? ['--quick'] : [])], env);
}
