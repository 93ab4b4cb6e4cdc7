import type { Matrix } from '@synthgrad/tensor';
import type { Parameter } from './Parameter.js';

/**
 * One stage of a network, batch-first (rows are examples). Gradients are of the loss summed over
 * the batch; a layer never divides by the batch size.
 *
 * @example
 * ```ts
 * const h = layer.forward(x, true);
 * const dx = layer.backward(dh);   // dL/dh → parameter gradients, and dL/dx
 * layer.update(0.1);
 * ```
 */
export interface Layer {
  readonly inputSize: number;
  readonly outputSize: number;
  /** Caches what backward needs; returns the output (a buffer the layer owns, valid until the next forward). */
  forward(input: Matrix, training: boolean): Matrix;
  /** From dL/d(output): stores parameter gradients, returns dL/d(input) (a buffer the layer owns). */
  backward(gradOutput: Matrix): Matrix;
  /**
   * Optional: stores the same parameter gradients as `backward` without computing dL/d(input), for
   * the first layer, whose input gradient nobody reads.
   */
  backwardParameters?(gradOutput: Matrix): void;
  /** Applies the optimiser to every parameter with the gradients of the last backward. */
  update(learningRate: number): void;
  parameters(): readonly Parameter[];
  /**
   * Everything that decides the layer's future outputs and updates, as named live matrices: its
   * parameters, their optimiser state (`weights.m`, …) and statistics (`runningMean`, …). Loading a
   * saved model writes into them in place.
   */
  state(): Readonly<Record<string, Matrix>>;
}
