import type { Dataset } from '@synthgrad/core';
import { createTrainer, splitStages, type LockStepDniTrainer } from '@synthgrad/trainers';
import { beforeAll, describe, expect, it } from 'vitest';
import { fitStages, liveStageThreads, StagePipeline, type StageFaultInjection } from '../src/index.js';
import { additionData, network, osThreads, settleThreads, testContainer } from './support.js';

let data: Dataset;
let baseline: number;
beforeAll(async () => {
  data = await additionData();
  baseline = osThreads();
});

const spec = (schedule: 'lock-step' | 'async' = 'lock-step') => ({
  algorithm: 'dni' as const,
  network,
  options: { generatorInput: 'labels', stages: [2, 2], schedule },
  seed: 5,
});

async function run(faults: StageFaultInjection[], extra: object = {}) {
  return fitStages(testContainer(), data, spec(), { epochs: 3, batchSize: 10, seed: 1, faults, ...extra });
}

async function expectNoThreadLeft() {
  expect(liveStageThreads()).toBe(0);
  expect(await settleThreads(baseline)).toBeLessThanOrEqual(baseline);
}

describe('faults in threaded stages', () => {
  it('a stage that throws fails the run, naming the stage', async () => {
    const result = await run([{ stage: 1, throwAtBatch: 3 }]);
    expect(result.status).toBe('failed');
    expect(result.reason).toBe('stage 1 of 2 (layers 2–3) failed: injected fault at batch 3');
    await expectNoThreadLeft();
  }, 120_000);

  it('a stage whose thread dies fails the run, naming the stage', async () => {
    const result = await run([{ stage: 0, exitAtBatch: 2 }]);
    expect(result.status).toBe('failed');
    expect(result.reason).toBe('stage 0 of 2 (layers 0–1) failed: its thread exited (code 3)');
    await expectNoThreadLeft();
  }, 120_000);

  it('a stage stuck past the wait bound fails the run instead of hanging', async () => {
    const started = performance.now();
    const result = await run([{ stage: 1, delayMs: 8_000 }], { timeoutMs: 1_000 });
    expect(result.status).toBe('failed');
    expect(result.reason).toMatch(/^stage [01] of 2 \(layers [0-3]–[0-3]\) failed: .*waited 1 s for /);
    expect(performance.now() - started).toBeLessThan(60_000);
    await expectNoThreadLeft();
  }, 120_000);

  it('abort stops every stage', async () => {
    const controller = new AbortController();
    const result = await run([], {
      signal: controller.signal,
      onBatchEnd: (e: { step: number }) => e.step === 3 && controller.abort(),
    });
    expect(result.status).toBe('aborted');
    await expectNoThreadLeft();
  }, 300_000);
});

describe('a deliberately slowed stage', () => {
  /** The largest lead of stage 0 over stage 1 (in batches run) while 20 batches go through. */
  async function largestLead(schedule: 'lock-step' | 'async', queueCapacity: number): Promise<number> {
    const container = testContainer();
    const trainer = createTrainer(container, data, spec(schedule === 'async' ? 'lock-step' : schedule)) as LockStepDniTrainer;
    const layers = trainer.decoupled.map((d) => d.layer);
    const { schedule: _, ...options } = spec().options;
    const pipeline = await StagePipeline.start({
      spec: { ...spec(), options },
      dataset: data,
      layers,
      split: splitStages(layers, [2, 2]),
      backend: 'cpu',
      schedule,
      queueCapacity,
      maxRows: 10,
      faults: [{ stage: 1, delayMs: 15 }],
    });
    let lead = 0;
    const sample = () => (lead = Math.max(lead, pipeline.control.ranThrough(0) - pipeline.control.ranThrough(1)));
    const timer = setInterval(sample, 1);
    try {
      for (let id = 0; id < 20; id++) {
        await pipeline.push(id, 10, { epoch: 0, step: id }, (inputs, labels) => {
          inputs.data.set(data.train.inputs.data.subarray(id * 10 * inputs.cols, (id * 10 + 10) * inputs.cols));
          labels.data.set(data.train.labels.data.subarray(id * 10 * labels.cols, (id * 10 + 10) * labels.cols));
        });
        sample();
      }
      await pipeline.drain();
    } finally {
      clearInterval(timer);
      await pipeline.close();
    }
    return lead;
  }

  it('stalls stage 0 in async only as far as the queue bound, and in lock-step at two batches', async () => {
    // Stage 0 runs batch b + 1 while b − capacity + 1 … b wait in the queue and stage 1 works on the one before.
    expect(await largestLead('async', 4)).toBe(5);
    expect(await largestLead('lock-step', 4)).toBeLessThanOrEqual(2);
    await expectNoThreadLeft();
  }, 300_000);
});
