import { Matrix, Rng, ShapeError, type TensorBackend } from '@synthgrad/tensor';
import { describe, expect, it } from 'vitest';
import { backends, cpu } from '../test/support/backends.js';
import { expectGradientMatches } from '../test/support/gradientCheck.js';
import { randomMatrix } from '../test/support/matrices.js';
import { activation, initialiser, optimiser } from '../test/support/plugins.js';
import { Dense } from './Dense.js';
import { DenseModule } from './DenseModule.js';
import { StepContext } from './StepContext.js';
import { zeroGrad } from './zeroGrad.js';

const activations = ['sigmoid', 'tanh', 'relu', 'identity', 'softmax', 'x / (1 + abs(x))'];
const slot1 = StepContext.at(1);

function dense(backend: TensorBackend, act: string, seed = 1): DenseModule {
  return new DenseModule(backend, {
    inputSize: 5,
    outputSize: 4,
    activation: activation(backend, act),
    initialiser: initialiser('glorot-uniform'),
    rng: new Rng(seed),
  });
}

/** Moves the bias away from 0 so that relu's kink is not near any pre-activation of these inputs. */
function shiftBias(backend: TensorBackend, module: DenseModule, rng: Rng, ...inputs: Matrix[]): void {
  backend.addScaled(module.bias!.value, randomMatrix(rng, 1, 4), 0.5, module.bias!.value);
  for (const x of inputs) {
    const z = backend.addRowVector(backend.matmul(x, module.weights.value), module.bias!.value);
    expect(Math.min(...Array.from(z.data, Math.abs)), 'distance of a pre-activation from 0').toBeGreaterThan(1e-3);
  }
}

const copy = (m: Matrix) => m.clone();

describe.each(backends)('DenseModule on $name', (backend) => {
  it.each(activations)('pullback matches finite differences with %s', (act) => {
    const rng = new Rng(2);
    const module = dense(backend, act);
    const x = randomMatrix(rng, 6, 5);
    shiftBias(backend, module, rng, x);
    const r = randomMatrix(rng, 6, 4);
    const objective = () => backend.dot(module.forward(x, StepContext.training).y, r);
    zeroGrad(module.parameters());
    const dx = module.forward(x, StepContext.training).pullback(r)!;
    expectGradientMatches({ label: 'weights', analytic: module.weights.grad, objective, wrt: module.weights.value });
    expectGradientMatches({ label: 'bias', analytic: module.bias!.grad, objective, wrt: module.bias!.value });
    expectGradientMatches({ label: 'input', analytic: dx, objective, wrt: x });
  });

  it.each(activations)('accumulates over two calls in two slots with %s: grad = the sum', (act) => {
    const rng = new Rng(2);
    const module = dense(backend, act);
    const [x1, x2] = [randomMatrix(rng, 6, 5), randomMatrix(rng, 3, 5)];
    shiftBias(backend, module, rng, x1, x2);
    const [r1, r2] = [randomMatrix(rng, 6, 4), randomMatrix(rng, 3, 4)];
    // L = Σ y1 ⊙ r1 + Σ y2 ⊙ r2: the same weights applied twice, as a recurrent cell is.
    const objective = () =>
      backend.dot(module.forward(x1, StepContext.training).y, r1) + backend.dot(module.forward(x2, slot1).y, r2);
    module.forward(x1, StepContext.training).pullback(r1); // a stale gradient that zeroGrad must discard
    zeroGrad(module.parameters());
    const first = module.forward(x1, StepContext.training);
    const second = module.forward(x2, slot1);
    second.pullback(r2);
    first.pullback(r1);
    expectGradientMatches({ label: 'weights', analytic: module.weights.grad, objective, wrt: module.weights.value });
    expectGradientMatches({ label: 'bias', analytic: module.bias!.grad, objective, wrt: module.bias!.value });
  });

  it('accumulates two calls in one slot, one after the other', () => {
    const rng = new Rng(5);
    const module = dense(backend, 'tanh');
    const [x1, x2, r1, r2] = [randomMatrix(rng, 4, 5), randomMatrix(rng, 4, 5), randomMatrix(rng, 4, 4), randomMatrix(rng, 4, 4)];
    const objective = () =>
      backend.dot(module.forward(x1, StepContext.training).y, r1) + backend.dot(module.forward(x2, StepContext.training).y, r2);
    zeroGrad(module.parameters());
    module.forward(x1, StepContext.training).pullback(r1, { input: false });
    module.forward(x2, StepContext.training).pullback(r2, { input: false });
    expectGradientMatches({ label: 'weights', analytic: module.weights.grad, objective, wrt: module.weights.value });
    expectGradientMatches({ label: 'bias', analytic: module.bias!.grad, objective, wrt: module.bias!.value });
  });

  it('with input: false returns null and leaves the same parameter gradients, bit for bit', () => {
    const rng = new Rng(6);
    const [a, b] = [dense(backend, 'sigmoid', 3), dense(backend, 'sigmoid', 3)];
    const x = randomMatrix(rng, 7, 5);
    const dy = randomMatrix(rng, 7, 4);
    const dx = a.forward(x, StepContext.training).pullback(dy);
    expect(dx).not.toBeNull();
    expect(b.forward(x, StepContext.training).pullback(dy, { input: false })).toBeNull();
    a.parameters().forEach((p, i) => expect(Array.from(b.parameters()[i].grad.data)).toEqual(Array.from(p.grad.data)));
  });

  it('sends dL/dz down through a feedback matrix when given one, parameter gradients unchanged', () => {
    const rng = new Rng(7);
    const [a, b] = [dense(backend, 'identity', 4), dense(backend, 'identity', 4)];
    const x = randomMatrix(rng, 3, 5);
    const dy = randomMatrix(rng, 3, 4);
    const feedback = randomMatrix(rng, 5, 4);
    a.forward(x, StepContext.training).pullback(dy);
    const dx = b.forward(x, StepContext.training).pullback(dy, { feedback })!;
    // identity: dz = dy, so dx = dy · feedbackᵀ, by hand.
    for (let r = 0; r < 3; r++) {
      for (let c = 0; c < 5; c++) {
        let s = 0;
        for (let k = 0; k < 4; k++) s += dy.get(r, k) * feedback.get(c, k);
        expect(dx.get(r, c)).toBeCloseTo(s, 12);
      }
    }
    expect(Array.from(b.weights.grad.data)).toEqual(Array.from(a.weights.grad.data));
    expect(() => b.forward(x, StepContext.training).pullback(dy, { feedback: new Matrix(4, 5) })).toThrow(
      'Dense.pullback: feedback matrix 4×5 but the weights are 5×4',
    );
  });

  it('equals the Dense layer bit for bit: forward, backward, parameter gradients, update', () => {
    const rng = new Rng(8);
    for (const act of activations) {
      const module = dense(backend, act, 11);
      const layer = new Dense(backend, {
        inputSize: 5,
        outputSize: 4,
        activation: activation(backend, act),
        initialiser: initialiser('glorot-uniform'),
        optimiser: optimiser(backend),
        rng: new Rng(11),
      });
      for (let step = 0; step < 2; step++) {
        const x = randomMatrix(rng, 6, 5);
        const dy = randomMatrix(rng, 6, 4);
        const y = layer.forward(x, true);
        const result = module.forward(x, StepContext.training);
        expect(Array.from(y.data)).toEqual(Array.from(result.y.data));
        zeroGrad(module.parameters());
        expect(Array.from(layer.backward(dy).data)).toEqual(Array.from(result.pullback(dy)!.data));
        module.parameters().forEach((p, i) => expect(Array.from(layer.parameters()[i].grad.data)).toEqual(Array.from(p.grad.data)));
        layer.update(0.1);
        for (const p of module.parameters()) backend.addScaled(p.value, p.grad, -0.1, p.value);
        expect(Array.from(layer.weights.data)).toEqual(Array.from(module.weights.value.data));
        expect(Array.from(layer.bias!.data)).toEqual(Array.from(module.bias!.value.data));
      }
    }
  });

  it('Dense.backwardParameters leaves the gradients of Dense.backward, bit for bit; feedback goes through the module', () => {
    const rng = new Rng(12);
    const make = () =>
      new Dense(backend, {
        inputSize: 5,
        outputSize: 4,
        activation: activation(backend, 'tanh'),
        initialiser: initialiser('glorot-uniform'),
        optimiser: optimiser(backend),
        rng: new Rng(13),
      });
    const [a, b] = [make(), make()];
    const module = dense(backend, 'tanh', 13);
    const x = randomMatrix(rng, 4, 5);
    const dy = randomMatrix(rng, 4, 4);
    const feedback = randomMatrix(rng, 5, 4);
    a.forward(x, true);
    b.forward(x, true);
    const dx = a.backward(dy, feedback);
    b.backward(randomMatrix(rng, 4, 4)); // overwritten by the next backward, not added to
    b.backwardParameters(dy);
    a.parameters().forEach((p, i) => expect(Array.from(b.parameters()[i].grad.data)).toEqual(Array.from(p.grad.data)));
    const viaModule = module.forward(x, StepContext.training).pullback(dy, { feedback })!;
    expect(Array.from(dx.data)).toEqual(Array.from(viaModule.data));
    expect(() => a.backward(dy, new Matrix(4, 5))).toThrow('Dense.backward: feedback matrix 4×5 but the weights are 5×4');
  });

  it('allocates nothing once warm: the same result, buffers and gradients on the second step', () => {
    const rng = new Rng(9);
    const module = dense(backend, 'relu');
    const x = randomMatrix(rng, 8, 5);
    const dy = randomMatrix(rng, 8, 4);
    const step = () => {
      zeroGrad(module.parameters());
      const result = module.forward(x, StepContext.training);
      const first = result.pullback(dy)!;
      const again = result.pullback(dy)!; // the accumulating path: through the scratch
      return { result, y: result.y, first, again, grads: module.parameters().map((p) => p.grad) };
    };
    const a = step();
    const b = step();
    expect(b.result).toBe(a.result);
    expect(b.y).toBe(a.y);
    expect(b.first).toBe(a.first);
    expect(b.again).toBe(a.first);
    b.grads.forEach((g, i) => expect(g).toBe(a.grads[i]));
  });
});

describe('DenseModule', () => {
  it('declares its output shape and names shapes that do not fit', () => {
    const module = dense(cpu, 'sigmoid');
    expect(module.outputShape).toEqual([4]);
    expect(() => module.forward(new Matrix(3, 6), StepContext.training)).toThrow(ShapeError);
    expect(() => module.forward(new Matrix(3, 6), StepContext.training)).toThrow('Dense.forward: input 3×6 but layer expects 5 columns');
    const result = module.forward(new Matrix(3, 5), StepContext.training);
    expect(() => result.pullback(new Matrix(3, 3))).toThrow('Dense.pullback: gradient 3×3 but the output is 3×4');
    expect(() => module.forward(new Matrix(3, 5), { training: true, slot: -1 })).toThrow(
      'Dense: workspace slot must be a non-negative integer, got -1',
    );
  });

  it('keeps a pullback valid until its own slot runs forward again', () => {
    const rng = new Rng(10);
    const module = dense(cpu, 'tanh');
    const [x1, x2, dy] = [randomMatrix(rng, 2, 5), randomMatrix(rng, 2, 5), randomMatrix(rng, 2, 4)];
    const alone = dense(cpu, 'tanh');
    const expected = copy(alone.forward(x1, StepContext.training).pullback(dy)!);
    const first = module.forward(x1, StepContext.training);
    module.forward(x2, slot1); // another slot: the first pullback is untouched
    expect(Array.from(first.pullback(dy)!.data)).toEqual(Array.from(expected.data));
  });
});
