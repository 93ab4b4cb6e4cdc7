import { describe, expect, it } from 'vitest';
import { chartStyles, DISTINCT_STYLES } from './chartStyles.js';

const labels = (count: number) => Array.from({ length: count }, (_, i) => `configuration ${i + 1}`);

describe('chartStyles', () => {
  it('gives 24 configurations 24 distinct colour and dash combinations', () => {
    const { colours, dashes } = chartStyles(labels(24));
    const styles = labels(24).map((label) => `${colours.get(label)} ${dashes.get(label)!.join(',')}`);
    expect(new Set(styles).size).toBe(24);
  });

  it('draws up to ten configurations as solid lines of ten different colours', () => {
    const { colours, dashes } = chartStyles(labels(10));
    expect(new Set(colours.values()).size).toBe(10);
    expect([...dashes.values()].every((dash) => dash.length === 0)).toBe(true);
  });

  it('keeps every style distinct up to its limit', () => {
    const { colours, dashes } = chartStyles(labels(DISTINCT_STYLES));
    expect(new Set(labels(DISTINCT_STYLES).map((l) => `${colours.get(l)} ${dashes.get(l)!.join(',')}`)).size).toBe(DISTINCT_STYLES);
  });
});
