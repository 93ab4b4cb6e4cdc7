import { Matrix, Rng } from '@synthgrad/tensor';
import { describe, expect, it } from 'vitest';
import { backends, cpu } from '../test/support/backends.js';
import { expectGradientMatches } from '../test/support/gradientCheck.js';
import { randomMatrix } from '../test/support/matrices.js';
import { activation } from '../test/support/plugins.js';
import { ActivationLayer } from './ActivationLayer.js';
import { ActivationModule } from './ActivationModule.js';
import { StepContext } from './StepContext.js';

const activations = ['sigmoid', 'tanh', 'relu', 'identity', 'softmax', 'x / (1 + abs(x))'];

/** Inputs at least 0.05 away from 0, where relu and |x| have their kink. */
function awayFromZero(rng: Rng, rows: number, cols: number): Matrix {
  const x = randomMatrix(rng, rows, cols);
  for (let i = 0; i < x.data.length; i++) x.data[i] += x.data[i] < 0 ? -0.05 : 0.05;
  return x;
}

describe.each(backends)('ActivationModule on $name', (backend) => {
  it.each(activations)('pullback matches finite differences with %s, also accumulated over two slots', (act) => {
    const rng = new Rng(41);
    const module = new ActivationModule(activation(backend, act), 4);
    const [x1, x2] = [awayFromZero(rng, 5, 4), awayFromZero(rng, 3, 4)];
    const [r1, r2] = [randomMatrix(rng, 5, 4), randomMatrix(rng, 3, 4)];
    const slot1 = StepContext.at(1);
    const objective = () => backend.dot(module.forward(x1, StepContext.training).y, r1) + backend.dot(module.forward(x2, slot1).y, r2);
    const first = module.forward(x1, StepContext.training);
    const second = module.forward(x2, slot1);
    expectGradientMatches({ label: 'input 1', analytic: first.pullback(r1)!, objective, wrt: x1 });
    expectGradientMatches({ label: 'input 2', analytic: second.pullback(r2)!, objective, wrt: x2 });
  });

  it('with input: false returns null', () => {
    const module = new ActivationModule(activation(backend, 'tanh'), 2);
    expect(module.forward(Matrix.fromArray([[1, 2]]), StepContext.training).pullback(Matrix.fromArray([[1, 1]]), { input: false })).toBeNull();
  });

  it('equals the ActivationLayer bit for bit', () => {
    const rng = new Rng(42);
    const module = new ActivationModule(activation(backend, 'sigmoid'), 4);
    const layer = new ActivationLayer(activation(backend, 'sigmoid'), 4);
    const x = randomMatrix(rng, 3, 4);
    const dy = randomMatrix(rng, 3, 4);
    const result = module.forward(x, StepContext.training);
    expect(Array.from(layer.forward(x, true).data)).toEqual(Array.from(result.y.data));
    expect(Array.from(layer.backward(dy).data)).toEqual(Array.from(result.pullback(dy)!.data));
  });
});

describe('ActivationModule', () => {
  it('declares its output shape, has no parameters, and reuses its buffers', () => {
    const module = new ActivationModule(activation(cpu, 'relu'), 3);
    expect(module.outputShape).toEqual([3]);
    expect(module.parameters()).toEqual([]);
    const x = Matrix.fromArray([[1, -2, 3]]);
    const a = module.forward(x, StepContext.training);
    const dx = a.pullback(Matrix.fromArray([[1, 1, 1]]));
    const b = module.forward(x, StepContext.training);
    expect(b).toBe(a);
    expect(b.pullback(Matrix.fromArray([[1, 1, 1]]))).toBe(dx);
  });
});
