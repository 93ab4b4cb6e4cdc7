import { describe, expect, it } from 'vitest';
import {
  createSynthgradContainer,
  DatasetRegistry,
  fit,
  GeneratorInputRegistry,
  TensorBackend,
  TensorBackendRegistry,
  TrainerAlgorithmRegistry,
  WasmBackend,
  createTrainer,
  tutorialNetwork,
} from './index.js';

describe('createSynthgradContainer', () => {
  it('holds every built-in plugin', () => {
    const container = createSynthgradContainer();
    expect(container.get(GeneratorInputRegistry).names()).toEqual([
      'batch-normalized-output',
      'combination',
      'inputs',
      'labels',
      'layer-output',
    ]);
    expect(container.get(TrainerAlgorithmRegistry).names()).toEqual(['backprop', 'direct-feedback-alignment', 'dni', 'feedback-alignment', 'last-layer-only']);
    expect(container.get(DatasetRegistry).names()).toEqual(['binary-addition']);
    expect(container.get(TensorBackendRegistry).names()).toEqual(['cpu', 'mathjs', 'wasm']);
  });

  it('computes with the wasm backend by default, where it loads', () => {
    const backend = createSynthgradContainer().get(TensorBackend);
    expect(backend).toBeInstanceOf(WasmBackend);
    expect(backend.name).toBe('wasm');
  });

  it('lets an explicit backend name win over the default', () => {
    expect(createSynthgradContainer({ backend: 'cpu' }).get(TensorBackend).name).toBe('cpu');
  });

  it('trains cDNI end to end through the umbrella API on the mathjs backend', async () => {
    const container = createSynthgradContainer({ backend: 'mathjs' });
    const dataset = await container.get(DatasetRegistry).get('binary-addition').load({ bits: 4, trainSize: 20, testSize: 10 });
    const trainer = createTrainer(container, dataset, {
      algorithm: 'dni',
      network: tutorialNetwork(4),
      options: { generatorInput: ['labels', 'batch-normalized-output'] },
    });
    const result = fit(trainer, dataset, container.get(TensorBackend), { epochs: 2, batchSize: 10 });
    expect(result.status).toBe('completed');
    expect(result.history).toHaveLength(2);
  });
});
