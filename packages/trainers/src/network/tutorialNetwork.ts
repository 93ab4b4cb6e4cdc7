import type { NetworkSpec } from '@synthgrad/core';

/**
 * The tutorial's network for binary addition: 128 → 64 → `outputs` sigmoid units, no biases,
 * weights `randn·0.2 − 0.1`, plain SGD with learning rate 0.1, loss `out − y`.
 */
export function tutorialNetwork(outputs = 12): NetworkSpec {
  return {
    layers: [
      { units: 128, activation: 'sigmoid', bias: false },
      { units: 64, activation: 'sigmoid', bias: false },
      { units: outputs, activation: 'sigmoid', bias: false },
    ],
    loss: 'tutorial-delta',
    initialiser: 'tutorial',
    optimiser: 'sgd',
    learningRate: 0.1,
  };
}
