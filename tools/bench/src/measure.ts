/** Milliseconds per call of a measured function, summarised over the timed samples. */
export interface Timing {
  readonly median: number;
  readonly min: number;
  readonly max: number;
  /** First and third quartiles. */
  readonly q1: number;
  readonly q3: number;
  /** Timed samples taken. */
  readonly samples: number;
  /** Calls averaged inside one sample (more than 1 for calls too short to time alone). */
  readonly callsPerSample: number;
}

export interface MeasureOptions {
  /** Untimed calls first (JIT, caches). */
  readonly warmup: number;
  /** Timed samples wanted. */
  readonly repetitions: number;
  /** Calls per sample are doubled until one sample lasts at least this long. Default 0: one call. */
  readonly minSampleMs?: number;
  /** Stop taking samples once this much time is spent (at least 3 are taken). */
  readonly budgetMs?: number;
}

/**
 * Times `fn`: warm-up, then `repetitions` samples, reported as the median and spread of
 * milliseconds per call. The machine is shared, so read the median, never one sample.
 *
 * @example
 * ```ts
 * const t = measure(() => backend.matmul(a, b, undefined, c), { warmup: 3, repetitions: 15 });
 * console.log(`${t.median.toFixed(3)} ms`);
 * ```
 */
export function measure(fn: () => void, options: MeasureOptions): Timing {
  for (let i = 0; i < options.warmup; i++) fn();
  const callsPerSample = calibrate(fn, options.minSampleMs ?? 0);
  const budgetMs = options.budgetMs ?? Infinity;
  const samples: number[] = [];
  const start = performance.now();
  while (samples.length < options.repetitions) {
    const t0 = performance.now();
    for (let i = 0; i < callsPerSample; i++) fn();
    samples.push((performance.now() - t0) / callsPerSample);
    if (samples.length >= 3 && performance.now() - start > budgetMs) break;
  }
  return summarize(samples, callsPerSample);
}

/** Median, extremes and quartiles (linear interpolation) of per-call milliseconds. */
export function summarize(samples: readonly number[], callsPerSample = 1): Timing {
  if (samples.length === 0) throw new RangeError('summarize: no samples');
  const sorted = [...samples].sort((a, b) => a - b);
  return {
    median: quantile(sorted, 0.5),
    min: sorted[0],
    max: sorted[sorted.length - 1],
    q1: quantile(sorted, 0.25),
    q3: quantile(sorted, 0.75),
    samples: sorted.length,
    callsPerSample,
  };
}

export function quantile(sorted: readonly number[], q: number): number {
  const position = (sorted.length - 1) * q;
  const lower = Math.floor(position);
  const upper = Math.ceil(position);
  return sorted[lower] + (sorted[upper] - sorted[lower]) * (position - lower);
}

function calibrate(fn: () => void, minSampleMs: number): number {
  let calls = 1;
  while (minSampleMs > 0 && calls < 1 << 20) {
    const t0 = performance.now();
    for (let i = 0; i < calls; i++) fn();
    if (performance.now() - t0 >= minSampleMs) break;
    calls *= 2;
  }
  return calls;
}
