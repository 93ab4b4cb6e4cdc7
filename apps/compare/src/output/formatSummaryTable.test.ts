import { describe, expect, it } from 'vitest';
import { formatSummaryTable } from './formatSummaryTable.js';
import type { ConfigurationSummary } from './summarize.js';

const summary = (label: string, values: readonly number[]): ConfigurationSummary => {
  const mean = values.reduce((a, b) => a + b, 0) / values.length;
  const std = values.length > 1 ? Math.sqrt(values.reduce((a, v) => a + (v - mean) ** 2, 0) / (values.length - 1)) : 0;
  const stat = { n: values.length, mean, std, min: Math.min(...values), max: Math.max(...values) };
  return {
    label,
    trainer: 'dni',
    runs: values.length,
    completed: values.length,
    diverged: 0,
    failed: 0,
    task: 'classification',
    selection: 'validation',
    columns: [{ id: 'validation-accuracy', title: 'Validation accuracy' }],
    finals: new Map([['validation-accuracy', stat]]),
    threshold: { metric: 'train-accuracy', title: 'Train accuracy', value: 0.9 },
    thresholdRuns: { reached: values.length, of: values.length, epochs: { ...stat, mean: 100 * mean, std: 100 * std } },
    epochsRun: { n: values.length, mean: 200, std: 0, min: 200, max: 200 },
    stoppedReached: values.length,
    stoppedPlateau: 0,
  } as unknown as ConfigurationSummary;
};

describe('formatSummaryTable', () => {
  it('shows mean ± sample std over several seeds and the mean alone over one', () => {
    const table = formatSummaryTable([summary('two seeds', [0.5, 0.7]), summary('one seed', [0.25])]);
    const [, , twoSeeds, oneSeed] = table.split('\n');
    expect(twoSeeds).toContain('0.600 ± 0.141');
    expect(oneSeed).toContain('0.250');
    expect(oneSeed).not.toContain('±');
  });

  it('shows per run who reached the threshold and when, and the epochs run with how runs stopped', () => {
    const never = { ...summary('never', [0.5, 0.6]), thresholdRuns: { reached: 0, of: 2 }, stoppedReached: 0, stoppedPlateau: 2 };
    const table = formatSummaryTable([summary('two seeds', [0.5, 0.7]), never]);
    const [header, , twoSeeds, neverRow, , stopNote] = table.split('\n');
    expect(header).toContain('runs reaching train accuracy ≥ 0.9: at epoch');
    expect(twoSeeds).toContain('2/2 at 60.0 ± 14.1');
    expect(twoSeeds).toContain('200 ± 0 (2r)');
    expect(neverRow).toContain('0/2 never');
    expect(neverRow).toContain('(2p)');
    expect(stopNote).toMatch(/^epochs run: r = runs stopped/);
  });
});

describe('formatSummaryTable in a narrow terminal', () => {
  it('keeps the table when it fits, and prints blocks no wider than the terminal when it does not', () => {
    const summaries = [summary('DNI (layer-output + labels, synthetic gradient ×4, clipped at 0.1)', [0.5, 0.7]), summary('backprop', [0.25])];
    const wide = formatSummaryTable(summaries, 400);
    expect(wide).toBe(formatSummaryTable(summaries));
    const narrow = formatSummaryTable(summaries, 80);
    for (const line of narrow.split('\n')) expect(line.length, line).toBeLessThanOrEqual(80);
    expect(narrow).toContain('1. DNI (layer-output + labels, synthetic gradient ×4, clipped at 0.1)\n   runs 2/2 · ');
    expect(narrow).toContain('val accuracy* 0.600 ± 0.141');
    expect(narrow).toContain('2. backprop\n   runs 1/1 · ');
  });
});

describe('formatSummaryTable before any epoch', () => {
  it('does not claim the suite has no validation split when no run has finished an epoch (Ctrl-C early)', () => {
    const none = { ...summary('backprop', [0.5]), selection: 'test', epochsRun: undefined, completed: 0, runs: 0 } as unknown as ConfigurationSummary;
    const table = formatSummaryTable([none]);
    expect(table).toContain('no run has finished an epoch yet');
    expect(table).not.toContain('no validation split');
  });
});
