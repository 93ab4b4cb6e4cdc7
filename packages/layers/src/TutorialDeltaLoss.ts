import { bufferOfShape, type Matrix, type TensorBackend } from '@synthgrad/tensor';
import { assertSameShape } from './assertSameShape.js';
import type { Loss } from './Loss.js';

/**
 * The seed tutorial's loss: value = mean over the batch of Σ ½(output − target)²; gradient =
 * output − target, the gradient of that loss *summed* over the batch (the tutorial's `layer_3_delta`).
 */
export class TutorialDeltaLoss implements Loss {
  readonly name = 'tutorial-delta';
  #difference: Matrix | undefined;

  constructor(private readonly backend: TensorBackend) {}

  value(output: Matrix, target: Matrix): number {
    assertSameShape('tutorial-delta.value', 'output', output, 'target', target);
    const d = (this.#difference = bufferOfShape(this.#difference, output.rows, output.cols, this.backend));
    this.backend.sub(output, target, d);
    return (0.5 * this.backend.dot(d, d)) / output.rows;
  }

  gradient(output: Matrix, target: Matrix, out?: Matrix): Matrix {
    assertSameShape('tutorial-delta.gradient', 'output', output, 'target', target);
    return this.backend.sub(output, target, out);
  }
}
