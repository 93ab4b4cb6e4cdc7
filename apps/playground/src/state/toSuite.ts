import type { PlaygroundState } from './stateProperties.js';

/** A suite.json for `synthgrad compare` (apps/compare's suite schema) that reruns the playground's run. */
export function toSuite(state: PlaygroundState, usesGenerators: boolean): Record<string, unknown> {
  const generatorInput = state.generatorInput.length === 1 ? state.generatorInput[0] : state.generatorInput;
  return {
    name: 'playground',
    description: `Exported from the synthgrad playground: ${state.trainer} on ${state.bits}-bit binary addition.`,
    dataset: {
      name: 'binary-addition',
      options: { bits: state.bits, trainSize: state.trainSize, testSize: state.testSize, seed: state.seed },
    },
    network: networkOf(state),
    training: { epochs: state.epochs, batchSize: state.batchSize, shuffle: true, measureGradients: usesGenerators },
    seeds: [state.seed],
    backend: 'wasm',
    runs: [
      {
        label: state.trainer,
        trainer: state.trainer,
        ...(usesGenerators ? { options: { generatorInput, generatorLearningRate: state.generatorLearningRate } } : {}),
      },
    ],
  };
}

/** The network of the state as core's NetworkSpec: sigmoid outputs, one per bit, as the tutorial. */
export function networkOf(state: PlaygroundState) {
  return {
    layers: [
      ...state.hidden.map((units) => ({ units, activation: state.activation, bias: false })),
      { units: state.bits, activation: 'sigmoid', bias: false },
    ],
    loss: 'tutorial-delta',
    initialiser: 'tutorial',
    optimiser: 'sgd',
    learningRate: state.learningRate,
  };
}
