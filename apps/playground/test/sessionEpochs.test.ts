// The session steps through the trainers' own epoch loop: over several epochs, with the page
// reading reports between steps, it ends exactly where `fit` (what compare runs) ends.
import { createSynthgradContainer, createTrainer, fit, TensorBackend } from 'synthgrad';
import { describe, expect, it } from 'vitest';
import { defaultState } from '../src/state/stateProperties.js';
import { networkOf } from '../src/state/toSuite.js';
import { loadTaskDataset, TrainingSession } from '../src/worker/TrainingSession.js';

const container = createSynthgradContainer({ backend: 'wasm' });

describe('a training session over several epochs', () => {
  it('ends with the metrics fit gives after its last epoch, whatever the reports read between steps', async () => {
    const state = { ...defaultState(), bits: 5, trainSize: 60, testSize: 40, hidden: [12], epochs: 3, batchSize: 7, trainer: 'backprop' };
    const dataset = await loadTaskDataset(container, state, () => Promise.reject(new Error('no MNIST here')));
    const session = new TrainingSession(container, state, dataset);
    let reports = 0;
    while (!session.finished) {
      session.runStep();
      if (session.finished) break;
      // Until the last step the run has not ended (the page reads "paused", not "finished").
      expect(session.report().ended).toBeUndefined();
      reports++;
    }
    const last = session.report();
    const trainer = createTrainer(container, dataset, { algorithm: 'backprop', network: networkOf(state), seed: state.seed });
    const { history, status } = fit(trainer, dataset, container.get(TensorBackend), { epochs: 3, batchSize: 7, seed: state.seed });
    expect(reports).toBe(3 * 9 - 1); // 60 rows in batches of 7: 9 a epoch; a report after every step but the last
    expect(last.step).toBe(27);
    expect(last.epoch).toBe(3);
    expect(last.finished).toBe(true);
    expect(status).toBe('completed');
    expect(last.ended).toEqual({ status });
    expect(last.train).toEqual(history[2].train);
    expect(last.test).toEqual(history[2].test);
  }, 60_000);
});
