/** Mean and sample standard deviation (n − 1; 0 for a single value) of some numbers. */
export interface MeanStd {
  readonly mean: number;
  readonly std: number;
  readonly n: number;
}

export function meanStd(values: readonly number[]): MeanStd | undefined {
  const n = values.length;
  if (n === 0) return undefined;
  const mean = values.reduce((s, v) => s + v, 0) / n;
  const variance = n > 1 ? values.reduce((s, v) => s + (v - mean) ** 2, 0) / (n - 1) : 0;
  return { mean, std: Math.sqrt(variance), n };
}
