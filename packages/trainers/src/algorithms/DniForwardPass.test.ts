import { TensorBackend } from '@synthgrad/core';
import type { Dense } from '@synthgrad/layers';
import { Matrix } from '@synthgrad/tensor';
import { describe, expect, it } from 'vitest';
import { binaryAdditionDataset } from '@synthgrad/datasets';
import { createTrainer } from '../createTrainer.js';
import { tutorialNetwork } from '../network/tutorialNetwork.js';
import { maxAbsDiff, testContainer } from '../../test/support.js';
import type { DniTrainer } from './DniTrainer.js';
import { DniForwardPass } from './DniForwardPass.js';

describe('DniForwardPass', () => {
  it('records each layer\'s input, output, features and prediction, calling back before the next layer runs', async () => {
    const data = await binaryAdditionDataset.load({ bits: 8, trainSize: 10, testSize: 10, seed: 3 });
    const network = { ...tutorialNetwork(8), layers: [{ units: 6, bias: false }, { units: 5, bias: false }, { units: 8, bias: false }] };
    const trainer = createTrainer(testContainer(), data, {
      algorithm: 'dni',
      network,
      options: { generatorInput: 'labels', zeroInitGenerator: false },
      seed: 5,
    }) as DniTrainer;
    const backend = testContainer().get(TensorBackend);
    const { inputs: x, labels: y } = data.train;
    const pass = new DniForwardPass(trainer.decoupled);
    const seen: number[] = [];
    const output = pass.run(x, x, y, false, (i) => seen.push(i, pass.outputs.length));

    // by hand: h_i = σ(h_{i-1}·W_i); a labels generator predicts y·Gw + Gb; the last layer has none
    const [w0, w1, w2] = trainer.decoupled.map((d) => (d.layer as Dense).weights);
    const h0 = backend.sigmoid(backend.matmul(x, w0));
    const h1 = backend.sigmoid(backend.matmul(h0, w1));
    const h2 = backend.sigmoid(backend.matmul(h1, w2));
    const predicted = (i: number) => {
      const [gw, gb] = trainer.decoupled[i].synthesis!.generator.parameters().map((p) => p.value);
      return backend.addRowVector(backend.matmul(y, gw), gb);
    };
    expect(seen).toEqual([0, 1, 1, 2, 2, 3]);
    expect(pass.inputs[0]).toBe(x);
    expect(pass.inputs[1]).toBe(pass.outputs[0]);
    [h0, h1, h2].forEach((h, i) => expect(maxAbsDiff(pass.outputs[i], h), `output ${i}`).toBeLessThan(1e-12));
    expect(output).toBe(pass.outputs[2]);
    expect(maxAbsDiff(pass.features[0]!, y)).toBe(0);
    expect(maxAbsDiff(pass.predictions[0]!, predicted(0))).toBeLessThan(1e-12);
    expect(maxAbsDiff(pass.predictions[1]!, predicted(1))).toBeLessThan(1e-12);
    expect(pass.features[2]).toBeNull();
    expect(pass.predictions[2]).toBeNull();
    expect(pass.predictions[0]).toBeInstanceOf(Matrix);
  });
});
