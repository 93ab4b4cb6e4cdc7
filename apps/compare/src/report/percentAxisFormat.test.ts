import { describe, expect, it } from 'vitest';
import { percentAxisFormat } from './percentAxisFormat.js';

// The oracle: d3's own ticks and formatter, which vega's axes use.
const d3Scale = (await import('d3-scale' as string)) as { scaleLinear: () => { domain(d: number[]): { ticks(n: number): number[] } } };
const d3Format = (await import('d3-format' as string)) as { format: (specifier: string) => (value: number) => string };

const labels = (low: number, high: number, count: number) =>
  d3Scale.scaleLinear().domain([low, high]).ticks(count).map(d3Format.format(percentAxisFormat(low, high, count)));

describe('percentAxisFormat', () => {
  it.each([
    [0, 0.03],
    [0, 0.004],
    [0.001, 0.027],
    [0.5, 0.52],
    [0.4, 0.9],
    [0, 1],
  ])('gives distinct tick labels on %s–%s', (low, high) => {
    for (const count of [4, 6, 10]) {
      const ticks = labels(low, high, count);
      expect(new Set(ticks).size, ticks.join(', ')).toBe(ticks.length);
    }
  });

  it('adds no needless decimals', () => {
    expect(percentAxisFormat(0.4, 0.9, 6)).toBe('.0%');
    expect(percentAxisFormat(0, 0.03, 6)).toBe('.1%');
    expect(labels(0, 0.03, 6)).toEqual(['0.0%', '0.5%', '1.0%', '1.5%', '2.0%', '2.5%', '3.0%']);
  });
});
