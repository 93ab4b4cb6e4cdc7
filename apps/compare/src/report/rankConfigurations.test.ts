import { describe, expect, it } from 'vitest';
import { makeRecord, type EpochMetrics } from '../../test/report/makeRecord.js';
import type { Suite } from '../RunRecord.js';
import { rankConfigurations } from './rankConfigurations.js';
import { summariseConfiguration } from './summariseConfiguration.js';
import { taskCriteria, type TaskCriteria } from './taskCriteria.js';

const suite = (labels: string[]): Suite => ({
  name: 'unit',
  description: '',
  dataset: { name: 'd' },
  network: { layers: [{ units: 2 }] },
  training: { epochs: 1, batchSize: 1 },
  seeds: [1],
  runs: labels.map((label) => ({ label, trainer: 'backprop' })),
});

function ranked(finals: Record<string, EpochMetrics | 'diverged'>, criteria: TaskCriteria): string[] {
  const s = suite(Object.keys(finals));
  const summaries = Object.entries(finals).map(([label, final]) =>
    summariseConfiguration(
      label,
      [final === 'diverged' ? makeRecord(label, 1, [{ exactAccuracy: 1, bitAccuracy: 1 }], { status: 'diverged' }) : makeRecord(label, 1, [final])],
      s,
      criteria,
    ),
  );
  return rankConfigurations(summaries, criteria).map((summary) => summary.label);
}

describe('rankConfigurations', () => {
  it('ranks binary digits by exact accuracy, then bit accuracy, then lower loss; no completed run last', () => {
    const order = ranked(
      {
        diverged: 'diverged',
        a: { exactAccuracy: 0.5, bitAccuracy: 0.9, loss: 1 },
        b: { exactAccuracy: 0.5, bitAccuracy: 0.95, loss: 1 },
        c: { exactAccuracy: 0.6, bitAccuracy: 0.8, loss: 1 },
        d: { exactAccuracy: 0.5, bitAccuracy: 0.9, loss: 0.5 },
      },
      taskCriteria('binary-digits'),
    );
    expect(order).toEqual(['c', 'b', 'd', 'a', 'diverged']);
  });

  it('ranks classification by accuracy and keeps the suite order on ties', () => {
    const order = ranked(
      { x: { accuracy: 0.9, loss: 0.3 }, y: { accuracy: 0.95, loss: 0.3 }, z: { accuracy: 0.9, loss: 0.3 } },
      taskCriteria('classification'),
    );
    expect(order).toEqual(['y', 'x', 'z']);
  });
});
