import type { MatrixData } from '@synthgrad/tensor';
/** log Σ exp(data[start..end)), shifted by the maximum so that exp() cannot overflow. */
export function logSumExp(data: MatrixData, start: number, end: number): number {
  let max = -Infinity;
  for (let i = start; i < end; i++) if (data[i] > max) max = data[i];
  if (max === -Infinity || max === Infinity) return max;
  let sum = 0;
  for (let i = start; i < end; i++) sum += Math.exp(data[i] - max);
  return max + Math.log(sum);
}
