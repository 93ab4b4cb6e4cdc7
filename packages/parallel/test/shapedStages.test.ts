import { TensorBackend, type Dataset, type TrainerAlgorithm } from '@synthgrad/core';
import type { Matrix } from '@synthgrad/tensor';
import { createTrainer, fit, type LockStepDniTrainer } from '@synthgrad/trainers';
import { beforeAll, describe, expect, it } from 'vitest';
import { fitStages } from '../src/index.js';
import { additionData, network, testContainer } from './support.js';

let data: Dataset;
beforeAll(async () => {
  data = await additionData();
});

function tensors(trainer: TrainerAlgorithm): Record<string, Matrix> {
  return trainer.state().tensors as Record<string, Matrix>;
}

describe('threaded lock-step stages with syntheticGradientScale and syntheticGradientClip', () => {
  it("end with the simulated LockStepDniTrainer's weights bit for bit, which the shaping moved", async () => {
    const container = testContainer();
    const base = { generatorInput: 'labels', zeroInitGenerator: false, stages: [2, 1, 1], updateProbability: 0.8 } as const;
    const spec = { algorithm: 'dni' as const, network, options: { ...base, syntheticGradientScale: 3, syntheticGradientClip: 0.01 }, seed: 5 };
    const fitOptions = { epochs: 2, batchSize: 10, seed: 1 };
    const simulated = createTrainer(container, data, spec) as LockStepDniTrainer;
    fit(simulated, data, container.get(TensorBackend), fitOptions);
    const threaded = await fitStages(container, data, spec, fitOptions);
    expect(threaded.status, threaded.reason).toBe('completed');
    const [x, y] = [tensors(simulated), tensors(threaded.trainer)];
    expect(Object.keys(y).sort()).toEqual(Object.keys(x).sort());
    for (const name of Object.keys(x)) {
      const differing = x[name].data.findIndex((v, i) => !Object.is(v, y[name].data[i]));
      expect(differing, `${name} differs at element ${differing}`).toBe(-1);
    }
    const unshaped = createTrainer(container, data, { ...spec, options: base });
    fit(unshaped, data, container.get(TensorBackend), fitOptions);
    const moved = Object.keys(x).filter((name) => name.startsWith('layer') && x[name].data.some((v, i) => v !== tensors(unshaped)[name].data[i]));
    expect(moved).toContain('layer0.weights');
  }, 120_000);
});
