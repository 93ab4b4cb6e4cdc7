import { bufferOfShape, type Matrix, type TensorBackend } from '@synthgrad/tensor';
import { assertSameShape } from './assertSameShape.js';
import type { Loss } from './Loss.js';

/** Mean squared error over all elements; its gradient is of that mean, 2 (output − target) / (rows · cols). */
export class MseLoss implements Loss {
  readonly name = 'mse';
  #difference: Matrix | undefined;

  constructor(private readonly backend: TensorBackend) {}

  value(output: Matrix, target: Matrix): number {
    assertSameShape('mse.value', 'output', output, 'target', target);
    const d = (this.#difference = bufferOfShape(this.#difference, output.rows, output.cols, this.backend));
    this.backend.sub(output, target, d);
    return this.backend.dot(d, d) / output.size;
  }

  gradient(output: Matrix, target: Matrix, out?: Matrix): Matrix {
    assertSameShape('mse.gradient', 'output', output, 'target', target);
    const g = this.backend.sub(output, target, out);
    return this.backend.scale(g, 2 / output.size, g);
  }
}
