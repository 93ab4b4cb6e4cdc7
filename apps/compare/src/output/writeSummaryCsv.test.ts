import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeRecord } from '../../test/report/makeRecord.js';
import { parseSuite } from '../suite/readSuiteFile.js';
import { summarize } from './summarize.js';
import { writeSummaryCsv } from './writeSummaryCsv.js';

const suite = parseSuite(
  {
    name: 'pairs',
    dataset: { name: 'binary-addition' },
    network: { layers: [{ units: 4 }] },
    training: { epochs: 2, batchSize: 10 },
    seeds: [1, 2, 3],
    runs: [
      { label: 'dni', trainer: 'dni' },
      { label: 'bp', trainer: 'backprop' },
    ],
  },
  'test',
);
const run = (label: string, seed: number, exactAccuracy: number) => makeRecord(label, seed, [{ exactAccuracy: 0 }, { exactAccuracy }]);
const records = [run('bp', 1, 0.5), run('bp', 2, 0.75), run('bp', 3, 0.25), run('dni', 1, 0.625), run('dni', 2, 0.75), run('dni', 3, 0.5)];

async function csvRows(options = {}): Promise<Record<string, string>[]> {
  const folder = await mkdtemp(join(tmpdir(), 'synthgrad-summary-'));
  try {
    const [header, ...lines] = (await readFile(await writeSummaryCsv(folder, summarize(records, suite, options)), 'utf8')).trim().split('\n');
    const names = header.split(',');
    return lines.map((line) => Object.fromEntries(line.split(',').map((cell, i) => [names[i], cell])));
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}

describe('summary.csv confidence columns', () => {
  it('gives the 95% interval over seeds and the paired difference to the backprop configuration', async () => {
    const rows = await csvRows();
    const dni = rows.find((r) => r.label === 'dni')!;
    const bp = rows.find((r) => r.label === 'bp')!;
    expect(dni.baseline).toBe('bp');
    // (summary.csv keeps 6 significant digits)
    // bp: 0.5, 0.75, 0.25 → 0.5 ± t(0.975, 2)·0.25/√3 = 0.5 ± 0.621035
    expect(Number(bp.test_exact_accuracy_ci95_low)).toBeCloseTo(0.5 - 0.621035, 4);
    expect(Number(bp.test_exact_accuracy_ci95_high)).toBeCloseTo(0.5 + 0.621035, 4);
    expect(bp.test_exact_accuracy_diff_vs_baseline_mean).toBe('');
    // dni − bp: 0.125, 0, 0.25 → 0.125 ± 4.302653·0.125/√3 = 0.125 ± 0.310521
    expect(Number(dni.test_exact_accuracy_diff_vs_baseline_mean)).toBeCloseTo(0.125, 12);
    expect(Number(dni.test_exact_accuracy_diff_vs_baseline_ci95_low)).toBeCloseTo(0.125 - 0.310521, 4);
    expect(Number(dni.test_exact_accuracy_diff_vs_baseline_ci95_high)).toBeCloseTo(0.125 + 0.310521, 4);
    expect(dni.test_exact_accuracy_diff_vs_baseline_pairs).toBe('3');
  });

  it('compares against a chosen baseline', async () => {
    const bp = (await csvRows({ baseline: 'dni' })).find((r) => r.label === 'bp')!;
    expect(bp.baseline).toBe('dni');
    expect(Number(bp.test_exact_accuracy_diff_vs_baseline_mean)).toBeCloseTo(-0.125, 12);
  });
});
