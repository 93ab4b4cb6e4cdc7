import { MnistSubset } from '../mnist/MnistSubset.js';
import type { PlaygroundState } from './stateProperties.js';

/** One run of a race as the exporter needs it: its settings, and whether its trainer takes generator options. */
export interface ExportedRun {
  readonly state: PlaygroundState;
  readonly usesGenerators: boolean;
}

/** A suite.json for `synthgrad compare` (apps/compare's suite schema) that reruns the playground's run. */
export function toSuite(state: PlaygroundState, usesGenerators: boolean): Record<string, unknown> {
  return raceToSuite([{ state, usesGenerators }]);
}

/**
 * One suite for a whole race: the runs share the suite's dataset and seed, each run brings its own
 * network, training settings and trainer options. Throws, naming the runs, when two runs learn
 * different data or start from different seeds (a suite has one of each): export those one by one.
 */
export function raceToSuite(runs: readonly ExportedRun[]): Record<string, unknown> {
  const [first] = runs;
  const dataset = datasetOf(first.state);
  runs.forEach(({ state }, i) => {
    if (JSON.stringify(datasetOf(state)) !== JSON.stringify(dataset) || state.seed !== first.state.seed) {
      throw new Error(
        `runs 1 and ${i + 1} learn different data or start from different seeds (${describeData(first.state)} / ${describeData(state)}); a suite has one dataset and one seed: export each run on its own`,
      );
    }
  });
  const tasks = [...new Set(runs.map(({ state }) => describeTask(state)))].join(', ');
  return {
    name: 'playground',
    description: `Exported from the synthgrad playground: ${runs.map(({ state }) => state.trainer).join(' vs ')} on ${tasks}.`,
    dataset,
    network: networkOf(first.state),
    training: trainingOf(first),
    seeds: [first.state.seed],
    backend: 'wasm',
    runs: runs.map((run, i) => {
      const { state, usesGenerators } = run;
      const generatorInput = state.generatorInput.length === 1 ? state.generatorInput[0] : state.generatorInput;
      return {
        label: runs.length === 1 ? state.trainer : `run ${i + 1}: ${state.trainer}`,
        trainer: state.trainer,
        ...(usesGenerators ? { options: { generatorInput, generatorLearningRate: state.generatorLearningRate } } : {}),
        ...(i > 0 ? { network: networkOf(state), training: trainingOf(run) } : {}),
      };
    }),
  };
}

function trainingOf({ state, usesGenerators }: ExportedRun) {
  return { epochs: state.epochs, batchSize: state.batchSize, shuffle: true, measureGradients: usesGenerators };
}

/** The dataset of the state's task, as a suite names it. */
export function datasetOf(state: PlaygroundState): { name: string; options: Record<string, number> } {
  if (state.task === 'mnist') {
    return { name: 'mnist', options: { trainSize: MnistSubset.trainSize, testSize: MnistSubset.testSize, seed: MnistSubset.seed } };
  }
  return { name: 'binary-addition', options: { bits: state.bits, trainSize: state.trainSize, testSize: state.testSize, seed: state.seed } };
}

function describeTask(state: PlaygroundState): string {
  return state.task === 'mnist' ? `an MNIST subset (${MnistSubset.trainSize} + ${MnistSubset.testSize} images)` : `${state.bits}-bit binary addition`;
}

function describeData(state: PlaygroundState): string {
  return `${describeTask(state)}, seed ${state.seed}`;
}

/**
 * The network of the state as core's NetworkSpec. Binary addition: sigmoid outputs, one per bit, the
 * tutorial's loss and initialiser. MNIST: 784 inputs, 10 outputs read through a softmax
 * (softmax cross-entropy on linear outputs), biases, Glorot-initialised weights.
 */
export function networkOf(state: PlaygroundState) {
  if (state.task === 'mnist') {
    return {
      layers: [
        ...state.hidden.map((units) => ({ units, activation: state.activation, bias: true })),
        { units: MnistSubset.classes, activation: 'identity', bias: true },
      ],
      loss: 'softmax-cross-entropy',
      initialiser: 'glorot-uniform',
      optimiser: 'sgd',
      learningRate: state.learningRate,
    };
  }
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
