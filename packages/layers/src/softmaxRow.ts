import type { MatrixData } from '@synthgrad/tensor';
/**
 * dst[start..end) = softmax(src[start..end)); src and dst may be the same array. The row maximum is
 * subtracted first, so exp() cannot overflow, and the result keeps full relative precision (taking
 * exp(x − logSumExp) instead would lose digits to the cancellation in x − logSumExp).
 */
export function softmaxRow(src: MatrixData, dst: MatrixData, start: number, end: number): void {
  let max = -Infinity;
  for (let i = start; i < end; i++) if (src[i] > max) max = src[i];
  let sum = 0;
  for (let i = start; i < end; i++) {
    const e = Math.exp(src[i] - max);
    dst[i] = e;
    sum += e;
  }
  const inverse = 1 / sum;
  for (let i = start; i < end; i++) dst[i] *= inverse;
}
