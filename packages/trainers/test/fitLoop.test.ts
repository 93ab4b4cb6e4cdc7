// The one epoch loop under its three drivers: `fit` (the oracle here: its numbers are fixed by the
// numpy references and the resume tests), `FitSession` one batch at a time, and `fitWith` over a
// strategy that waits and reports each loss a batch late, as threaded stages do.
import { TensorBackend, type Dataset, type TrainerAlgorithm } from '@synthgrad/core';
import { binaryAdditionDataset } from '@synthgrad/datasets';
import type { Matrix } from '@synthgrad/tensor';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  createTrainer,
  fit,
  FitSession,
  fitWith,
  trainOnThisThread,
  tutorialNetwork,
  type EpochRecord,
  type FitStrategy,
  type LossSink,
  type TrainerSpec,
} from '../src/index.js';
import { testContainer } from './support.js';

let data: Dataset;
beforeAll(async () => {
  data = await binaryAdditionDataset.load({ bits: 6, trainSize: 95, testSize: 30, validationSize: 30, seed: 2 });
});
const container = testContainer();
const backend = container.get(TensorBackend);
const spec: TrainerSpec = { algorithm: 'dni', network: { ...tutorialNetwork(6), learningRate: 0.5 }, options: { generatorInput: 'labels' }, seed: 3 };
const options = { epochs: 3, batchSize: 10, seed: 7, measureGradients: true };
const strip = (r: EpochRecord) => ({ ...r, seconds: 0, trainSeconds: 0, examplesPerSecond: 0 });

function expectSameWeights(a: TrainerAlgorithm, b: TrainerAlgorithm) {
  const x = a.state().tensors as Record<string, Matrix>;
  const y = b.state().tensors as Record<string, Matrix>;
  for (const name of Object.keys(x)) expect(Array.from(y[name].data), name).toEqual(Array.from(x[name].data));
}

/** Steps on this thread, but waits after every batch and reports each loss one batch later (the last at the drain). */
function lagging(trainer: TrainerAlgorithm): FitStrategy {
  const inner = trainOnThisThread(trainer, backend);
  let held: [number, number] | undefined;
  return {
    trainer,
    async step(batch, losses: LossSink) {
      await Promise.resolve();
      if (held) losses(...held);
      inner.step(batch, (step, loss) => (held = [step, loss]));
    },
    async drain(losses: LossSink) {
      await Promise.resolve();
      if (held) losses(...held);
      held = undefined;
    },
  };
}

describe('the epoch loop', () => {
  it('one batch at a time (FitSession) gives fit’s run: records, batches and weights', () => {
    const expected = createTrainer(container, data, spec);
    const whole = fit(expected, data, backend, options);
    const trainer = createTrainer(container, data, spec);
    const seen: number[] = [];
    const session = new FitSession(trainOnThisThread(trainer, backend), data, backend, { ...options, onBatchEnd: (e) => seen.push(e.step) });
    const losses: number[] = [];
    while (!session.finished) {
      losses.push(session.runStep());
      // What a page does between steps changes nothing: it only reads.
      trainer.predict(data.test.inputs);
    }
    expect(session.step).toBe(30); // 95 rows in batches of 10: 10 a epoch
    expect(seen).toEqual(Array.from({ length: 30 }, (_, i) => i + 1));
    expect(losses.every(Number.isFinite)).toBe(true);
    expect(session.result?.status).toBe('completed');
    expect(session.history.map(strip)).toEqual(whole.history.map(strip));
    expect(session.result?.history.map(strip)).toEqual(whole.history.map(strip));
    expect(session.result?.position).toEqual(whole.position);
    expect(session.runStep()).toBeNaN();
    expectSameWeights(expected, trainer);
  });

  it('waits where its strategy waits (fitWith), with losses arriving late, and records what fit records', async () => {
    const expected = createTrainer(container, data, spec);
    const whole = fit(expected, data, backend, { ...options, stopWhen: { reached: { metric: 'validation.loss', atLeast: -1 } } });
    const trainer = createTrainer(container, data, spec);
    const batches: [number, number, number][] = [];
    const result = await fitWith(lagging(trainer), data, backend, {
      ...options,
      stopWhen: { reached: { metric: 'validation.loss', atLeast: -1 } },
      onBatchEnd: (e) => batches.push([e.epoch, e.batch, e.step]),
    });
    expect(whole.stopped?.epoch).toBe(1);
    expect(result.stopped).toEqual(whole.stopped);
    expect(result.history.map(strip)).toEqual(whole.history.map(strip));
    expect(batches).toEqual(Array.from({ length: 10 }, (_, b) => [0, b, b + 1]));
    expectSameWeights(expected, trainer);
  });

  it('ends a run failed when the strategy names a failure, keeping the epochs before it', async () => {
    const trainer = createTrainer(container, data, spec);
    const inner = trainOnThisThread(trainer, backend);
    const breaking: FitStrategy = {
      trainer,
      step: (batch, losses) => {
        if (batch.progress.step === 15) throw new Error('stage 1 died');
        inner.step(batch, losses);
      },
      drain: () => {},
      failure: (error) => (error instanceof Error ? `a stage failed: ${error.message}` : undefined),
    };
    const result = await fitWith(breaking, data, backend, options);
    expect(result).toMatchObject({ status: 'failed', reason: 'a stage failed: stage 1 died' });
    expect(result.history.map((r) => r.epoch)).toEqual([1]);
    // Without `failure`, the error is the caller's, as a trainer's own errors are.
    await expect(fitWith({ ...breaking, failure: undefined }, data, backend, options)).rejects.toThrow('stage 1 died');
  });

  it('refuses a strategy that waits one batch at a time', () => {
    expect(() => new FitSession(lagging(createTrainer(container, data, spec)), data, backend, options).runStep()).toThrow(
      /FitSession: the strategy waits .* run it with fitWith/,
    );
  });
});
