import { resultMatrix } from '@synthgrad/tensor';
import type { Matrix } from '@synthgrad/tensor';
import { assertSameShape } from './assertSameShape.js';
import { logSumExp } from './logSumExp.js';
import type { Loss } from './Loss.js';
import { softmaxRow } from './softmaxRow.js';

/**
 * Cross-entropy of softmax(output) against target rows (one-hot or probabilities), with the output
 * taken as logits: the softmax is part of the loss, so the network's last activation is `identity`.
 * Value: mean over the batch; gradient: of that mean, (softmax(output) − target) / rows.
 */
export class SoftmaxCrossEntropyLoss implements Loss {
  readonly name = 'softmax-cross-entropy';

  value(output: Matrix, target: Matrix): number {
    assertSameShape('softmax-cross-entropy.value', 'output', output, 'target', target);
    const { cols } = output;
    const od = output.data;
    const td = target.data;
    let total = 0;
    for (let r = 0; r < output.rows; r++) {
      const start = r * cols;
      const lse = logSumExp(od, start, start + cols);
      // −Σ t log p with log p = o − lse, so no probability is ever formed (or rounded to 0).
      for (let i = start; i < start + cols; i++) if (td[i] !== 0) total -= td[i] * (od[i] - lse);
    }
    return total / output.rows;
  }

  gradient(output: Matrix, target: Matrix, out?: Matrix): Matrix {
    assertSameShape('softmax-cross-entropy.gradient', 'output', output, 'target', target);
    const g = resultMatrix('softmax-cross-entropy.gradient', output.rows, output.cols, out);
    if (g === target) throw new Error('softmax-cross-entropy.gradient: out must not be the target');
    const { cols } = output;
    const od = output.data;
    const td = target.data;
    const gd = g.data;
    const inverseRows = 1 / output.rows;
    for (let r = 0; r < output.rows; r++) {
      const start = r * cols;
      softmaxRow(od, gd, start, start + cols);
      for (let i = start; i < start + cols; i++) gd[i] = (gd[i] - td[i]) * inverseRows;
    }
    return g;
  }
}
