import { TensorBackendPlugin } from '@synthgrad/core';
import { ContainerModule } from 'inversify';
import { describe, expect, it } from 'vitest';
import {
  createSynthgradContainer,
  createTrainer,
  DatasetRegistry,
  fit,
  TensorBackend,
  tutorialNetwork,
  WasmBackend,
  type Matrix,
  type TrainerSpec,
} from './index.js';

// The `wasm` plugin's backend (resident: true) keeps the layers' matrices in its memory and reads
// and writes them in place; with `resident: false` it copies every operand in and every result out. Same kernels,
// same values: whole training runs must end bit for bit equal. Against the cpu backend (its own
// exp and summation order, ~1e-16 apart per op) training amplifies differences: near, to 1e-5,
// except through batch-normalised features, whose near-constant columns amplify them past that.
const copyingModule = new ContainerModule((options) => {
  options.bind(TensorBackendPlugin).toConstantValue({
    name: 'wasm-copying',
    description: 'the wasm backend without resident matrices',
    create: () => new WasmBackend({ resident: false }),
  });
});

const CONFIGURATIONS: ReadonlyArray<readonly [string, TrainerSpec, boolean]> = [
  ['backprop', { algorithm: 'backprop', network: tutorialNetwork(4) }, true],
  ['dni, labels + batch-normalised output', {
    algorithm: 'dni', network: tutorialNetwork(4), options: { generatorInput: ['labels', 'batch-normalized-output'] },
  }, false],
  ['dni, layer output', { algorithm: 'dni', network: tutorialNetwork(4), options: { generatorInput: 'layer-output' } }, true],
  ['feedback-alignment', { algorithm: 'feedback-alignment', network: tutorialNetwork(4) }, true],
];

async function train(backendName: string, options: TrainerSpec) {
  const container = createSynthgradContainer({ backend: backendName, modules: [copyingModule] });
  const dataset = await container.get(DatasetRegistry).get('binary-addition').load({ bits: 4, trainSize: 40, testSize: 10 });
  const trainer = createTrainer(container, dataset, options);
  const result = fit(trainer, dataset, container.get(TensorBackend), { epochs: 3, batchSize: 16 });
  expect(result.status).toBe('completed');
  return { backend: container.get(TensorBackend), tensors: trainer.state().tensors, history: result.history };
}

function bits(m: Matrix): bigint[] {
  return Array.from(new BigUint64Array(m.data.slice().buffer));
}

describe('training on resident wasm matrices', () => {
  it.each(CONFIGURATIONS)('%s ends bit for bit where the copying wasm path ends', async (_, options, nearCpu) => {
    const resident = await train('wasm', options);
    const copying = await train('wasm-copying', options);
    const cpu = await train('cpu', options);
    const names = Object.keys(copying.tensors);
    expect(Object.keys(resident.tensors)).toEqual(names);
    const weights = names.filter((name) => name.endsWith('weights'));
    expect(weights.length).toBeGreaterThan(0);
    for (const name of weights) expect((resident.backend as WasmBackend).holds(resident.tensors[name]), name).toBe(true);
    for (const name of names) {
      expect(bits(resident.tensors[name]), name).toEqual(bits(copying.tensors[name]));
      if (!nearCpu) continue;
      const difference = Math.max(...resident.tensors[name].data.map((x, i) => Math.abs(x - cpu.tensors[name].data[i])));
      expect(difference, name).toBeLessThan(1e-5);
    }
    // Everything but the timings.
    const measured = (h: typeof copying.history) =>
      h.map(({ seconds: _s, trainSeconds: _t, examplesPerSecond: _e, ...rest }) => rest);
    expect(measured(resident.history)).toEqual(measured(copying.history));
  });
});
