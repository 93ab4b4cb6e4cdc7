import { describe, expect, it } from 'vitest';
import {
  createSynthgradContainer,
  createTrainer,
  DatasetRegistry,
  fit,
  TensorBackend,
  tutorialNetwork,
  type DType,
  type TrainerSpec,
} from './index.js';

// With `dtype: 'float32'` a whole training run is float32: every weight, buffer and optimiser
// state the trainer saves is a Float32Array, and the run follows the float64 run of the same seed
// closely (a few float32 roundings per op, over 3 epochs of 3 steps).
const CONFIGURATIONS: ReadonlyArray<readonly [string, TrainerSpec]> = [
  ['backprop, adam', { algorithm: 'backprop', network: { ...tutorialNetwork(4), optimiser: 'adam', learningRate: 0.01 } }],
  ['dni, labels + layer output', {
    algorithm: 'dni', network: tutorialNetwork(4), options: { generatorInput: ['labels', 'layer-output'] },
  }],
  ['direct-feedback-alignment', { algorithm: 'direct-feedback-alignment', network: tutorialNetwork(4) }],
];

async function train(backend: string, dtype: DType, options: TrainerSpec) {
  const container = createSynthgradContainer({ backend, dtype });
  const dataset = await container.get(DatasetRegistry).get('binary-addition').load({ bits: 4, trainSize: 40, testSize: 10 });
  const trainer = createTrainer(container, dataset, options);
  const result = fit(trainer, dataset, container.get(TensorBackend), { epochs: 3, batchSize: 16 });
  expect(result.status).toBe('completed');
  return { tensors: trainer.state().tensors, history: result.history };
}

const CASES = ['cpu', 'wasm'].flatMap((backend) => CONFIGURATIONS.map(([name, spec]) => [backend, name, spec] as const));

describe("training with dtype 'float32'", () => {
  it.each(CASES)('%s, %s: every tensor float32, near the float64 run', async (backend, _, options) => {
    const single = await train(backend, 'float32', options);
    const double = await train(backend, 'float64', options);
    const names = Object.keys(double.tensors);
    expect(Object.keys(single.tensors)).toEqual(names);
    expect(names.filter((name) => name.endsWith('weights')).length).toBeGreaterThan(0);
    for (const name of names) {
      const [a, b] = [single.tensors[name], double.tensors[name]];
      if (name.endsWith('.t')) continue; // Adam's step counter, a float64 count
      expect(a.dtype, name).toBe('float32');
      expect(b.dtype, name).toBe('float64');
      const scale = Math.max(1, ...Array.from(b.data, Math.abs));
      const difference = Math.max(0, ...Array.from(a.data, (x, i) => Math.abs(x - b.data[i])));
      expect(difference, name).toBeLessThan(1e-4 * scale);
    }
    // Rounded, not the float64 run in disguise.
    const weights = names.find((name) => name.endsWith('weights'))!;
    expect(Array.from(single.tensors[weights].data)).not.toEqual(Array.from(double.tensors[weights].data));
    single.history.forEach((epoch, e) => {
      expect(epoch.trainLoss).toBeCloseTo(double.history[e].trainLoss, 4);
    });
  });
});
