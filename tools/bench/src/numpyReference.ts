import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { skipped, type CaseResult } from './CaseResult.js';

/** What tools/reference/binary_addition_bench.py prints (medians). */
export interface NumpyReference {
  readonly batch10_ms: number;
  readonly batch100_ms: number;
  /** Keyed `"10x24x128"` for `(10×24)·(24×128)`. */
  readonly matmul_gflops: Readonly<Record<string, number>>;
  readonly numpy: string;
  readonly python: string;
  readonly epochs: number;
  /** `OPENBLAS_NUM_THREADS` the script ran with, or `"default"`. */
  readonly blas_threads: string;
}

export const NUMPY_SCRIPT = fileURLToPath(
  new URL('../../reference/binary_addition_bench.py', import.meta.url),
);

/**
 * Runs the numpy reference in a child process (never concurrently with a JS measurement), or says
 * why it could not: numpy is a tool of this machine, not a dependency of the workspace.
 * `threads` sets `OPENBLAS_NUM_THREADS` (`'default'` leaves it alone): on a loaded machine
 * multi-threaded OpenBLAS medians swing by 10× or more, single-threaded ones stay put.
 */
export function runNumpyReference(quick: boolean, threads: string): CaseResult<NumpyReference> {
  const probe = spawnSync('python3', ['-c', 'import numpy'], { encoding: 'utf8' });
  if (probe.error !== undefined || probe.status !== 0) {
    return skipped('numpy: not available, skipped');
  }
  const env = { ...process.env };
  if (threads === 'default') delete env.OPENBLAS_NUM_THREADS;
  else env.OPENBLAS_NUM_THREADS = threads;
  const run = spawnSync('python3', [NUMPY_SCRIPT, ...(quick ? ['--quick'] : [])], {
    encoding: 'utf8',
    timeout: 120_000,
    env,
  });
  if (run.error !== undefined || run.status !== 0) {
    const why = run.error?.message ?? run.stderr.trim().split('\n').pop() ?? `exit ${run.status}`;
    return skipped(`numpy: reference script failed (${why}), skipped`);
  }
  const lastLine = run.stdout.trim().split('\n').pop() ?? '';
  try {
    return { value: JSON.parse(lastLine) as NumpyReference };
  } catch {
    return skipped(`numpy: unreadable output ${JSON.stringify(lastLine.slice(0, 80))}, skipped`);
  }
}
