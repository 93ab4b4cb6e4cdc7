import { describe, expect, it } from 'vitest';
import { formatLevel, formatNumber, formatStatistic } from './formatStatistic.js';

describe('formatStatistic', () => {
  it('prints accuracies in percent with the spread in percentage points', () => {
    expect(formatStatistic({ n: 3, mean: 0.6875, std: 0.0125, min: 0, max: 1 }, 'percent', 3)).toBe(
      '<span class="mean">68.8%</span> <span class="std">± 1.3</span>',
    );
  });

  it('marks fewer seeds than the suite has, omits the spread of one seed, and shows a dash for none', () => {
    expect(formatStatistic({ n: 1, mean: 0.5, std: 0, min: 0.5, max: 0.5 }, 'number', 3)).toBe(
      '<span class="mean">0.500</span> <span class="n" title="seeds that contributed">n = 1</span>',
    );
    expect(formatStatistic(undefined, 'percent', 3)).toBe('<span class="none">—</span>');
  });

  it('formats numbers, seconds and levels', () => {
    expect(formatNumber(0.000123, 'number')).toBe('1.23e-4');
    expect(formatNumber(12.34, 'seconds')).toBe('12.3 s');
    expect(formatNumber(123.4, 'seconds')).toBe('123 s');
    expect(formatLevel(0.75)).toBe('75%');
    expect(formatLevel(0.875)).toBe('87.5%');
  });
});

describe('formatStatistic spreads', () => {
  it('shows floating-point noise in a spread as 0 and a real one to 2 significant digits', () => {
    expect(formatStatistic({ n: 3, mean: 0.0541, std: 8.5e-18, min: 0, max: 1 }, 'number', 3)).toContain('± 0<');
    expect(formatStatistic({ n: 3, mean: 0.65, std: 0.03234, min: 0, max: 1 }, 'number', 3)).toContain('± 0.032<');
  });
});
