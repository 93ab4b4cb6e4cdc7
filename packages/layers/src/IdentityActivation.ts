import { Matrix } from '@synthgrad/tensor';
import type { Activation } from './Activation.js';

/** f(z) = z: a linear layer. */
export class IdentityActivation implements Activation {
  readonly name = 'identity';

  forward(z: Matrix, out?: Matrix): Matrix {
    return copyInto(z, out);
  }

  backward(gradOutput: Matrix, _z: Matrix, _y: Matrix, out?: Matrix): Matrix {
    return copyInto(gradOutput, out);
  }
}

// A copy, not the operand itself: callers own and overwrite the result.
function copyInto(source: Matrix, out: Matrix | undefined): Matrix {
  return out === undefined ? source.clone() : out === source ? out : out.copyFrom(source);
}
