import { describe, expect, it } from 'vitest';
import { makeRecord } from '../../test/report/makeRecord.js';
import { alignmentSeries } from './alignmentSeries.js';

const align = (cosine0: number, cosine1: number) => [
  { layer: 0, cosine: cosine0, relativeError: 1 - cosine0 },
  { layer: 1, cosine: cosine1, relativeError: 1 - cosine1 },
];

describe('alignmentSeries', () => {
  it('gives one curve per configuration and layer, averaged over seeds, panels named by layer from 1', () => {
    const groups = new Map([
      ['backprop', [makeRecord('backprop', 1, [{}, {}])]],
      [
        'dni',
        [
          makeRecord('dni', 1, [{}, {}], { gradientAlignment: [align(0.5, 0.25), align(0.75, 0.5)] }),
          makeRecord('dni', 2, [{}], { gradientAlignment: [align(0.25, 0.75)], status: 'diverged' }),
        ],
      ],
    ]);
    const { series, panels } = alignmentSeries(groups, 'cosine');
    expect(panels).toEqual(['Layer 1 · 8 units', 'Layer 2 · 4 units']);
    expect(series.map((s) => [s.label, s.panel])).toEqual([
      ['dni', 'Layer 1 · 8 units'],
      ['dni', 'Layer 2 · 4 units'],
    ]);
    expect(series[0].points.map((p) => [p.epoch, p.n, p.mean])).toEqual([[1, 2, 0.375], [2, 1, 0.75]]);
    expect(series[1].points.map((p) => p.mean)).toEqual([0.5, 0.5]);
    expect(alignmentSeries(groups, 'relativeError').series[0].points[0].mean).toBe(0.625);
  });

  it('is empty when no run measured alignment', () => {
    expect(alignmentSeries(new Map([['backprop', [makeRecord('backprop', 1, [{}])]]]), 'cosine')).toEqual({ series: [], panels: [] });
  });
});
