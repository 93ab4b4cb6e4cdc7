import { describe, expect, it } from 'vitest';
import type { PaperTable } from '../report/paperTable.js';
import { formatPaperTable } from './formatPaperTable.js';

const cell = (label: string, mean: number, std: number, n = 2) => ({
  label,
  statistics: { n, mean, std, min: mean - std, max: mean + std },
  seeds: 2,
  diverged: 0,
  failed: 0,
  missing: 0,
});

describe('formatPaperTable', () => {
  it('prints rows × columns with mean ± std and marks the best of each column', () => {
    const table: PaperTable = {
      title: 'Test error (%)',
      rowTag: 'method',
      columnTag: 'hiddenLayers',
      rowTitle: 'method',
      columnTitle: 'hidden layers',
      metric: 'testError',
      rows: ['backprop', 'cDNI'],
      columns: [3, 6],
      cells: [
        [cell('bp3', 2.1, 0.05), cell('bp6', 2.345, 0.1)],
        [cell('c3', 3, 0.5), undefined],
      ],
      best: [0, 0],
    };
    expect(formatPaperTable(table)).toBe(
      [
        'Test error (%): mean ± std over seeds, final epoch; * = best in its column',
        'method \\ hidden layers             3             6',
        '──────────────────────  ────────────  ────────────',
        'backprop                2.10 ± 0.05*  2.35 ± 0.10*',
        'cDNI                    3.00 ± 0.50',
      ].join('\n'),
    );
  });
});
