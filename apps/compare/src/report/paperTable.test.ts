import { describe, expect, it } from 'vitest';
import { parseSuite } from '../suite/readSuiteFile.js';
import { makeRecord } from '../../test/report/makeRecord.js';
import { formatCell, paperTable } from './paperTable.js';
import { paperTableSection } from './paperTableSection.js';

const run = (method: string, layers: number) => ({ label: `${method} ${layers}`, trainer: 'backprop', tags: { method, hiddenLayers: layers } });
const suite = parseSuite(
  {
    name: 'table',
    dataset: { name: 'mnist' },
    network: { layers: [{ units: 10 }] },
    training: { epochs: 2, batchSize: 10 },
    seeds: [1, 2, 3],
    runs: [run('backprop', 3), run('backprop', 4), run('DNI', 3), run('DNI', 4), { label: 'untagged', trainer: 'backprop' }],
    table: { rows: 'method', columns: 'hiddenLayers' },
  },
  'table.json',
);

/** A completed classification run whose final test accuracy is `accuracy` (the first epoch is worse). */
const finished = (label: string, seed: number, accuracy: number) => makeRecord(label, seed, [{ accuracy: 0.5 }, { accuracy }]);

describe('paperTable', () => {
  // Errors in percent: backprop 3: 100·(1 − {0.98, 0.97, 0.99}) = 2, 3, 1 → mean 2, std √((0+1+1)/2) = 1.
  // backprop 4: 1.5, 2.5 (seed 3 diverged) → mean 2, std √((0.25+0.25)/1) = 0.7071…
  // DNI 3: 4, 6, 5 → mean 5, std 1.   DNI 4: 1, 1, 1 → mean 1, std 0 (best of its column).
  const records = [
    finished('backprop 3', 1, 0.98),
    finished('backprop 3', 2, 0.97),
    finished('backprop 3', 3, 0.99),
    finished('backprop 4', 1, 0.985),
    finished('backprop 4', 2, 0.975),
    makeRecord('backprop 4', 3, [{ accuracy: 0.9 }], { status: 'diverged', reason: 'loss NaN' }),
    finished('DNI 3', 1, 0.96),
    finished('DNI 3', 2, 0.94),
    finished('DNI 3', 3, 0.95),
    finished('DNI 4', 1, 0.99),
    finished('DNI 4', 2, 0.99),
    finished('DNI 4', 3, 0.99),
    finished('untagged', 1, 0.1),
  ];
  const table = paperTable(records, suite)!;

  it('lays the tagged configurations out as rows × columns in the order the suite first uses each tag value', () => {
    expect(table.title).toBe('Test error (%)');
    expect(table.rows).toEqual(['backprop', 'DNI']);
    expect(table.columns).toEqual([3, 4]);
    expect(table.cells.map((row) => row.map((cell) => cell?.label))).toEqual([
      ['backprop 3', 'backprop 4'],
      ['DNI 3', 'DNI 4'],
    ]);
  });

  it('gives each cell the final test error in percent, mean ± sample std over the completed seeds', () => {
    const [[bp3, bp4], [dni3, dni4]] = table.cells;
    expect(bp3!.statistics!.n).toBe(3);
    expect(bp3!.statistics!.mean).toBeCloseTo(2, 10);
    expect(bp3!.statistics!.std).toBeCloseTo(1, 10);
    expect(bp4!.statistics!.n).toBe(2);
    expect(bp4!.statistics!.mean).toBeCloseTo(2, 10);
    expect(bp4!.statistics!.std).toBeCloseTo(Math.SQRT1_2, 10);
    expect(bp4!.diverged).toBe(1);
    expect(dni3!.statistics!.mean).toBeCloseTo(5, 10);
    expect(dni3!.statistics!.std).toBeCloseTo(1, 10);
    expect(dni4!.statistics!.mean).toBeCloseTo(1, 10);
    expect(dni4!.statistics!.std).toBeCloseTo(0, 10);
    expect(table.best).toEqual([0, 1]);
  });

  it('formats cells as text with what kept seeds out', () => {
    expect(formatCell(table.cells[0][0])).toBe('2.00 ± 1.00');
    expect(formatCell(table.cells[0][1])).toBe('2.00 ± 0.71 (n = 2, 1 diverged)');
    expect(formatCell(undefined)).toBe('');
  });

  it('shows accuracy instead when asked, best = highest, and missing runs as such', () => {
    const accuracy = paperTable([finished('backprop 3', 1, 0.98), finished('DNI 3', 1, 0.95)], {
      ...suite,
      table: { rows: 'method', columns: 'hiddenLayers', metric: 'testAccuracy', title: 'Accuracy', columnsTitle: 'hidden layers' },
    })!;
    expect(accuracy.title).toBe('Accuracy');
    expect([accuracy.rowTitle, accuracy.columnTitle]).toEqual(['method', 'hidden layers']);
    expect(accuracy.cells[0][0]!.statistics!.mean).toBeCloseTo(98, 10);
    expect(accuracy.best).toEqual([0, undefined]);
    expect(accuracy.cells[0][1]!.missing).toBe(3);
    expect(formatCell(accuracy.cells[0][0])).toBe('98.00 (n = 1, 2 missing)');
    expect(formatCell(accuracy.cells[0][1])).toBe('–');
  });

  it('is absent for a suite without a table', () => {
    expect(paperTable(records, { ...suite, table: undefined })).toBeUndefined();
    expect(paperTableSection(undefined)).toBe('');
  });

  it('renders as an HTML section: a row per method, the best of each column in bold', () => {
    const html = paperTableSection(table);
    expect(html).toContain('<table id="paper-table"');
    expect([...html.matchAll(/<tr data-row="([^"]+)"/g)].map((m) => m[1])).toEqual(['backprop', 'DNI']);
    expect(html).toContain('<th scope="colgroup" colspan="2" class="group">hiddenLayers</th>');
    expect(html).toContain('<td class="num best" data-label="backprop 3" title="backprop 3"><strong class="mean">2.00</strong> <span class="std">± 1.00</span></td>');
    expect(html).toContain('<td class="num" data-label="DNI 3" title="DNI 3"><span class="mean">5.00</span> <span class="std">± 1.00</span></td>');
    expect(html).toContain('<td class="num best" data-label="DNI 4" title="DNI 4"><strong class="mean">1.00</strong> <span class="std">± 0.00</span></td>');
    expect(html).toContain('<span class="n">n = 2, 1 diverged</span>');
  });
});
