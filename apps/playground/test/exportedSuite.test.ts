// "Export as suite.json" hands the run to the CLI: the exported suite passes compare's own schema
// and checks, and the playground's step-by-step session ends its first epoch with exactly the
// metrics the trainers' `fit` (what `synthgrad compare` runs) gives for that suite.
import { checkSuite, parseSuite } from '@synthgrad/cli';
import { createSynthgradContainer, createTrainer, DatasetRegistry, fit, TensorBackend, type Dataset, type NetworkSpec } from 'synthgrad';
import { describe, expect, it } from 'vitest';
import { defaultState, type PlaygroundState } from '../src/state/stateProperties.js';
import { toSuite } from '../src/state/toSuite.js';
import { TrainingSession } from '../src/worker/TrainingSession.js';

const container = createSynthgradContainer({ backend: 'wasm' });

const cases: [string, PlaygroundState][] = [
  ['dni with a combination of inputs', { ...defaultState(), bits: 6, trainSize: 300, testSize: 200, hidden: [16], epochs: 1 }],
  ['backprop', { ...defaultState(), bits: 6, trainSize: 300, testSize: 200, hidden: [16, 8], trainer: 'backprop', batchSize: 7, epochs: 1 }],
];

describe.each(cases)('the exported suite of %s', (_, state) => {
  it('is valid for compare and reproduces the playground run', async () => {
    const session = new TrainingSession(container, state);
    const suite = parseSuite(toSuite(state, session.usesGenerators), 'playground.suite.json');
    await checkSuite(suite, container, 'playground.suite.json');

    while (!session.finished) session.runStep();
    const mine = session.report();

    const [run] = suite.runs;
    const dataset = (await container.get(DatasetRegistry).get(suite.dataset.name).load(suite.dataset.options)) as Dataset;
    const trainer = createTrainer(container, dataset, {
      algorithm: run.trainer,
      options: run.options,
      network: { ...suite.network, ...run.network } as NetworkSpec,
      seed: suite.seeds[0],
    });
    const { history } = fit(trainer, dataset, container.get(TensorBackend), { ...suite.training, seed: suite.seeds[0] });
    expect(history).toHaveLength(1);
    expect(mine.step).toBe(Math.ceil(state.trainSize / state.batchSize));
    expect(mine.test).toEqual(history[0].test);
    expect(mine.train).toEqual(history[0].train);
    if (session.usesGenerators) expect(mine.alignment).toEqual(history[0].gradientAlignment);
    expect(session.usesGenerators).toBe(state.trainer === 'dni');
  });
});
