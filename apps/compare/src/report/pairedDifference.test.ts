import { describe, expect, it } from 'vitest';
import { makeRecord } from '../../test/report/makeRecord.js';
import { finalBySeed, pairedDifference } from './pairedDifference.js';

const value = (e: { test: { exactAccuracy?: number } }) => e.test.exactAccuracy;
const run = (label: string, seed: number, final: number, extra = {}) =>
  makeRecord(label, seed, [{ exactAccuracy: 0.1 }, { exactAccuracy: final }], extra);

describe('pairedDifference', () => {
  it('differences final values seed by seed, with a t interval over the pairs', () => {
    const baseline = [run('backprop', 1, 0.5), run('backprop', 2, 0.75), run('backprop', 3, 0.25)];
    const dni = [run('dni', 1, 0.625), run('dni', 2, 0.75), run('dni', 3, 0.5)];
    // differences 0.125, 0, 0.25: mean 0.125, s = 0.125; half-width t(0.975, 2)·0.125/√3 = 4.3027·0.072169 = 0.310521
    const d = pairedDifference(dni, baseline, value)!;
    expect(d.seeds).toEqual([1, 2, 3]);
    expect(d.mean).toBeCloseTo(0.125, 12);
    expect(d.low).toBeCloseTo(0.125 - 0.310521, 5);
    expect(d.high).toBeCloseTo(0.125 + 0.310521, 5);
  });

  it('pairs only seeds both completed (a diverged or missing seed drops out)', () => {
    const baseline = [run('backprop', 1, 0.5), run('backprop', 2, 0.75), run('backprop', 3, 0.25)];
    const dni = [run('dni', 1, 0.625), run('dni', 3, 0.5, { status: 'diverged' })];
    expect(pairedDifference(dni, baseline, value)).toEqual({ n: 1, mean: 0.125, seeds: [1] });
    expect(pairedDifference([], baseline, value)).toBeUndefined();
    expect([...finalBySeed(dni, value)]).toEqual([[1, 0.625]]);
  });
});
