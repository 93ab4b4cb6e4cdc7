import { ConfigError, readOptions, TensorBackend, type LayerSpec, type NetworkSpec } from '@synthgrad/core';
import { binaryAdditionDataset } from '@synthgrad/datasets';
import { featureSize, LayerPlugin, type Layer } from '@synthgrad/layers';
import { Matrix, Rng, type TensorBackend as Backend } from '@synthgrad/tensor';
import { ContainerModule } from 'inversify';
import { describe, expect, it } from 'vitest';
import {
  buildNetwork,
  createTrainer,
  estimateTrainerMemory,
  LayerRegistries,
  loadTrainerState,
  saveTrainerState,
  type TrainerSpec,
} from '../src/index.js';
import { allocatedBytes, testContainer } from './support.js';

/** A user's layer kind: y = factor · x, no parameters. */
class ScaleLayer implements Layer {
  readonly outputSize: number;
  #output = new Matrix(0, 0);
  #gradInput = new Matrix(0, 0);
  constructor(
    private readonly backend: Backend,
    readonly inputSize: number,
    readonly factor: number,
  ) {
    this.outputSize = inputSize;
  }
  forward(input: Matrix): Matrix {
    this.#output = new Matrix(input.rows, input.cols);
    return this.backend.scale(input, this.factor, this.#output);
  }
  backward(gradOutput: Matrix): Matrix {
    this.#gradInput = new Matrix(gradOutput.rows, gradOutput.cols);
    return this.backend.scale(gradOutput, this.factor, this.#gradInput);
  }
  update(): void {}
  parameters() {
    return [];
  }
  state() {
    return {};
  }
}

const scaleKind: LayerPlugin<{ factor: number }> = {
  name: 'scale',
  description: 'multiplies by a constant factor',
  optionNames: ['factor'],
  readOptions(spec, path) {
    const { factor } = readOptions(path, spec, ['factor']);
    if (typeof factor !== 'number') throw new ConfigError(`${path}.factor`, 'expected a number');
    return { factor };
  },
  outputShape: (input) => input,
  tensorShapes: () => ({ parameters: [], buffers: [] }),
  create: (input, { factor }, { backend }) => new ScaleLayer(backend, featureSize(input), factor),
  describe: ({ factor }) => `× ${factor}`,
};
const userModule = new ContainerModule((options) => void options.bind(LayerPlugin).toConstantValue(scaleKind));

/** Central differences of `objective` with respect to every entry of `wrt`. */
function numericGradient(objective: () => number, wrt: Matrix, step = 1e-6): Float64Array {
  const result = new Float64Array(wrt.size);
  for (let i = 0; i < wrt.size; i++) {
    const saved = wrt.data[i];
    wrt.data[i] = saved + step;
    const plus = objective();
    wrt.data[i] = saved - step;
    const minus = objective();
    wrt.data[i] = saved;
    result[i] = (plus - minus) / (2 * step);
  }
  return result;
}

describe('networks of several layer kinds', () => {
  it('back-propagates through dropout: every parameter gradient matches finite differences under a fixed mask', () => {
    const container = testContainer();
    const network = buildNetwork(
      {
        network: {
          layers: [{ units: 5, activation: 'tanh' }, { type: 'dropout', rate: 0.4 }, { units: 3, activation: 'sigmoid' }],
          initialiser: 'glorot-uniform',
        },
        inputSize: 4,
        labelSize: 3,
        task: 'binary-digits',
        backend: container.get(TensorBackend),
        rng: new Rng(3),
      },
      container.get(LayerRegistries),
    );
    const rng = new Rng(8);
    const x = Matrix.fromRows(Array.from({ length: 6 }, () => Array.from({ length: 4 }, () => rng.normal())));
    const r = Matrix.fromRows(Array.from({ length: 6 }, () => Array.from({ length: 3 }, () => rng.normal())));
    const stream = network.state()['layer1.rng'];
    const start = stream.clone();
    const objective = () => {
      stream.data.set(start.data);
      const y = network.forward(x, true);
      let sum = 0;
      for (let i = 0; i < y.size; i++) sum += y.data[i] * r.data[i];
      return sum;
    };
    objective();
    network.backward(r);
    const parameters = network.parameters();
    expect(parameters.map((p) => p.name)).toEqual(['layer0.weights', 'layer0.bias', 'layer2.weights', 'layer2.bias']);
    for (const { name, value, grad } of parameters) {
      const analytic = Float64Array.from(grad.data);
      const numeric = numericGradient(objective, value);
      const error = Math.hypot(...analytic.map((a, i) => a - numeric[i])) / Math.hypot(...numeric);
      expect(error, name).toBeLessThan(1e-6);
    }
    // Some hidden units are dropped: the mask is not all ones.
    expect(network.layers[1].forward(Matrix.filled(1, 5, 1), true).data.some((v) => v === 0)).toBe(true);
  });

  it('estimates what a trainer with dropout allocates within 2%, with a generator for the dropout layer', async () => {
    const data = await binaryAdditionDataset.load({ bits: 4, trainSize: 20, testSize: 5, seed: 1 });
    const spec: TrainerSpec = {
      algorithm: 'dni',
      network: { layers: [{ units: 30, batchNorm: true }, { type: 'dropout', rate: 0.5 }, { units: 4 }], optimiser: 'adam' },
    };
    const estimate = estimateTrainerMemory(spec, data);
    expect(estimate.layers.map((l) => l.layer)).toEqual([
      'network.layers[0]',
      'network.layers[1]',
      'network.layers[2]',
      'generator of network.layers[0]',
      'generator of network.layers[1]',
    ]);
    expect(estimate.layers[1].bytes).toBe(0);
    const actual = allocatedBytes(() => createTrainer(testContainer(), data, spec));
    expect(Math.abs(estimate.bytes - actual) / actual).toBeLessThanOrEqual(0.02);
  });

  it("builds a kind from the user's module: a scale by 1 predicts exactly what the network without it does", async () => {
    const data = await binaryAdditionDataset.load({ bits: 4, trainSize: 20, testSize: 5, seed: 1 });
    const container = testContainer({ modules: [userModule] });
    const network = (layers: LayerSpec[]): NetworkSpec => ({ layers, learningRate: 0.5 });
    const withScale = createTrainer(container, data, {
      algorithm: 'backprop',
      network: network([{ units: 6 }, { type: 'scale', factor: 1 } as unknown as LayerSpec, { units: 4 }]),
      seed: 2,
    });
    const without = createTrainer(container, data, { algorithm: 'backprop', network: network([{ units: 6 }, { units: 4 }]), seed: 2 });
    const batch = { inputs: data.train.inputs, labels: data.train.labels };
    for (let step = 0; step < 3; step++) {
      expect(withScale.step(batch, { epoch: 0, step }).loss).toBe(without.step(batch, { epoch: 0, step }).loss);
    }
    expect(Array.from(withScale.predict(data.test.inputs).data)).toEqual(Array.from(without.predict(data.test.inputs).data));
  });

  it("names an unknown kind with the known ones, and a kind's bad option", async () => {
    const data = await binaryAdditionDataset.load({ bits: 4, trainSize: 20, testSize: 5, seed: 1 });
    const container = testContainer({ modules: [userModule] });
    const build = (layer: unknown) => () =>
      createTrainer(container, data, { algorithm: 'backprop', network: { layers: [layer as LayerSpec, { units: 4 }] } });
    expect(build({ type: 'conv', filters: 2 })).toThrow(
      'network.layers[0].type: unknown layer kind "conv"; known: "dense", "dropout", "scale"',
    );
    expect(build({ type: 'scale', factor: 'two' })).toThrow('network.layers[0].factor: expected a number');
    expect(build({ type: 'dropout', rate: 0.5, seed: 1 })).toThrow('network.layers[0]: unknown option "seed"; known: "rate"');
  });

  it('resumes a dni run with dropout where it stood: n steps, save, load into another seed, m steps = n + m uninterrupted', async () => {
    const data = await binaryAdditionDataset.load({ bits: 4, trainSize: 40, testSize: 5, seed: 1 });
    const spec = (seed: number): TrainerSpec => ({
      algorithm: 'dni',
      network: { layers: [{ units: 12 }, { type: 'dropout', rate: 0.3 }, { units: 4 }], learningRate: 0.3 },
      seed,
    });
    const container = testContainer();
    const batch = (step: number) => {
      const rows = Array.from({ length: 10 }, (_, i) => (step * 10 + i) % 40);
      return { inputs: container.get(TensorBackend).gatherRows(data.train.inputs, rows), labels: container.get(TensorBackend).gatherRows(data.train.labels, rows) };
    };
    const train = (trainer: ReturnType<typeof createTrainer>, from: number, to: number) => {
      for (let step = from; step < to; step++) trainer.step(batch(step), { epoch: 0, step });
    };
    const uninterrupted = createTrainer(container, data, spec(5));
    train(uninterrupted, 0, 7);
    const first = createTrainer(container, data, spec(5));
    train(first, 0, 3);
    const resumed = createTrainer(container, data, spec(6));
    loadTrainerState(resumed, saveTrainerState(first));
    train(resumed, 3, 7);
    const a = uninterrupted.state().tensors;
    const b = resumed.state().tensors;
    expect(Object.keys(b)).toContain('layer1.rng');
    for (const key of Object.keys(a)) expect(Array.from(b[key].data), key).toEqual(Array.from(a[key].data));
    // The other seed's mask stream stands elsewhere: only the loaded one makes the runs agree.
    const fresh = createTrainer(container, data, spec(6));
    expect(Array.from(fresh.state().tensors['layer1.rng'].data)).not.toEqual(Array.from(first.state().tensors['layer1.rng'].data));
  });
});
