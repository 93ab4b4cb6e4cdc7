import { Matrix } from '@synthgrad/tensor';

/**
 * Consecutive `batchSize`-row views of `m` that share its data, as the tutorial's slices
 * `x[i*b:(i+1)*b]` do; built once so an epoch allocates nothing. A trailing partial batch is
 * dropped, as `int(len(x) / batch_size)` drops it.
 */
export function batchViews(m: Matrix, batchSize: number): Matrix[] {
  const views: Matrix[] = [];
  const count = Math.floor(m.rows / batchSize);
  const stride = batchSize * m.cols;
  for (let i = 0; i < count; i++) {
    views.push(new Matrix(batchSize, m.cols, m.data.subarray(i * stride, (i + 1) * stride)));
  }
  return views;
}
