import { describe, expect, it } from 'vitest';
import { makeRecord } from '../../test/report/makeRecord.js';
import type { RunRecord } from '../RunRecord.js';
import { chartStyles } from './chartStyles.js';
import { reportMetrics } from './reportMetrics.js';
import { timeToAccuracyFigure, timeToAccuracySeries } from './timeToAccuracyFigure.js';

/** A run whose epochs took `seconds[i]` of training steps each. */
function timed(label: string, seed: number, accuracies: number[], seconds: number[]): RunRecord {
  const record = makeRecord(label, seed, accuracies.map((accuracy) => ({ accuracy })));
  return { ...record, history: record.history.map((e, i) => ({ ...e, trainSeconds: seconds[i] })) };
}

describe('time to accuracy', () => {
  const groups = new Map([
    ['one thread', [timed('one thread', 1, [0.5, 0.8], [10, 10]), timed('one thread', 2, [0.7, 0.9], [12, 14])]],
    ['two stages', [timed('two stages', 1, [0.6, 0.85], [6, 5])]],
  ]);

  it('puts each epoch at the mean over seeds of the training seconds so far', () => {
    const series = timeToAccuracySeries(groups, reportMetrics.testAccuracy.value);
    expect(series.map((s) => s.label)).toEqual(['one thread', 'two stages']);
    const expected = [
      [[11, 0.6], [23, 0.85]],
      [[6, 0.6], [11, 0.85]],
    ];
    series.forEach((s, i) =>
      s.points.forEach((p, e) => {
        expect(p.epoch).toBeCloseTo(expected[i][e][0], 12);
        expect(p.mean).toBeCloseTo(expected[i][e][1], 12);
      }),
    );
    expect(series.map((s) => s.points.length)).toEqual([2, 2]);
  });

  it('draws a figure for test accuracy, and none when nothing measured it', async () => {
    const html = await timeToAccuracyFigure(groups, chartStyles([...groups.keys()]));
    expect(html).toContain('data-metric="time-test-accuracy"');
    expect(html).toContain('Wall-clock seconds of training');
    const lossOnly = makeRecord('x', 1, [{ loss: 1 }]);
    const none = new Map([['x', [{ ...lossOnly, history: lossOnly.history.map((e) => ({ ...e, trainSeconds: 1 })) }]]]);
    expect(await timeToAccuracyFigure(none, chartStyles(['x']))).toBe('');
    // Records without training seconds (older results) get no figure.
    const untimed = new Map([['y', [makeRecord('y', 1, [{ accuracy: 0.5 }])]]]);
    expect(await timeToAccuracyFigure(untimed, chartStyles(['y']))).toBe('');
  });
});
