import { tutorialNetwork } from 'synthgrad';
import { describe, expect, it } from 'vitest';
import { describeNetwork, describePluginSpec } from './describeNetwork.js';
import { describeOptions } from './describeOptions.js';

describe('describeNetwork', () => {
  it('summarises a network whose layers share an activation', () => {
    expect(describeNetwork(tutorialNetwork(12))).toBe(
      '128 → 64 → 12 units, sigmoid, no bias · loss tutorial-delta · initialiser tutorial · optimiser sgd · learning rate 0.1',
    );
  });

  it('names each layer when activations differ, and plugin options', () => {
    expect(
      describeNetwork({
        layers: [{ units: 32, activation: 'relu', batchNorm: true }, { units: 10, activation: 'softmax' }],
        optimiser: { name: 'adam', options: { beta1: 0.8 } },
        learningRate: '0.1 * 0.5 ^ floor(epoch / 10)',
      }),
    ).toBe('32 relu + batch norm → 10 softmax units · optimiser adam {"beta1":0.8} · learning rate 0.1 * 0.5 ^ floor(epoch / 10)');
    expect(describePluginSpec({ name: 'sgd' })).toBe('sgd');
  });

  it('describes each layer by its kind when not every layer is dense, a plugin kind by its type and options', () => {
    expect(
      describeNetwork({
        layers: [{ units: 64, activation: 'relu' }, { type: 'dropout', rate: 0.5 }, { type: 'scale', factor: 2 } as never, { units: 10, bias: false }],
        loss: 'mse',
      }),
    ).toBe('64 relu → dropout 0.5 → scale {"factor":2} → 10 units · loss mse');
  });

  it('lists options on one line', () => {
    expect(describeOptions({ bits: 8, trainSize: 1000, nested: { a: [1] } })).toBe('bits 8 · trainSize 1000 · nested {"a":[1]}');
    expect(describeOptions(undefined)).toBe('');
  });
});
