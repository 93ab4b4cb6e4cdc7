import { resultMatrix } from '@synthgrad/tensor';
import type { Matrix } from '@synthgrad/tensor';
import type { Activation } from './Activation.js';
import { assertSameShape } from './assertSameShape.js';
import { softmaxRow } from './softmaxRow.js';

/** Row-wise softmax; each row of the output sums to 1. */
export class SoftmaxActivation implements Activation {
  readonly name = 'softmax';

  forward(z: Matrix, out?: Matrix): Matrix {
    const y = resultMatrix('softmax.forward', z.rows, z.cols, out);
    const { cols } = z;
    const zd = z.data;
    const yd = y.data;
    for (let r = 0; r < z.rows; r++) softmaxRow(zd, yd, r * cols, (r + 1) * cols);
    return y;
  }

  /** dz = y ⊙ (g − rowsum(g ⊙ y)): the softmax Jacobian applied without forming it. */
  backward(gradOutput: Matrix, _z: Matrix, y: Matrix, out?: Matrix): Matrix {
    assertSameShape('softmax.backward', 'gradient', gradOutput, 'output', y);
    const dz = resultMatrix('softmax.backward', y.rows, y.cols, out);
    const { cols } = y;
    const gd = gradOutput.data;
    const yd = y.data;
    const dd = dz.data;
    for (let r = 0; r < y.rows; r++) {
      const start = r * cols;
      const end = start + cols;
      let s = 0;
      for (let i = start; i < end; i++) s += gd[i] * yd[i];
      for (let i = start; i < end; i++) dd[i] = yd[i] * (gd[i] - s);
    }
    return dz;
  }
}
