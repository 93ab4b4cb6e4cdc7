import type { Matrix, TensorBackend } from '@synthgrad/tensor';
import type { Activation } from './Activation.js';

const backwardOp = {
  sigmoid: 'sigmoidBackward',
  tanh: 'tanhBackward',
  relu: 'reluBackward',
} as const;

/** The activations the backend computes itself, forward and fused backward (`grad ⊙ f'(y)`). */
export class FusedActivation implements Activation {
  constructor(
    private readonly backend: TensorBackend,
    readonly name: keyof typeof backwardOp,
  ) {}

  forward(z: Matrix, out?: Matrix): Matrix {
    return this.backend[this.name](z, out);
  }

  backward(gradOutput: Matrix, _z: Matrix, y: Matrix, out?: Matrix): Matrix {
    return this.backend[backwardOp[this.name]](gradOutput, y, out);
  }
}
