import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CHART_MAX_CONFIGURATIONS } from '../src/report/renderReport.js';
import { cli, tempDir } from './helpers.js';
import { makeRecord } from './report/makeRecord.js';

const CONFIGURATIONS = 10_000;
const EPOCHS = 20;

/**
 * A run folder of 10,000 finished runs (one seed of each of 10,000 configurations, as a large sweep gives),
 * 20 epochs each: 200,000 points per learning curve, more than a spread into `Math.max` takes. The test
 * exact accuracy of configuration c at epoch e is ((c mod 100) + e) / 200.
 */
function manyRunsFolder(): string {
  const folder = join(tempDir(), 'many');
  mkdirSync(folder, { recursive: true });
  const labels = Array.from({ length: CONFIGURATIONS }, (_, c) => `config-${String(c).padStart(5, '0')}`);
  const suite = {
    name: 'unit',
    dataset: { name: 'binary-addition', options: {} },
    network: { layers: [{ units: 8 }, { units: 4 }, { units: 2 }], learningRate: 0.1 },
    training: { epochs: EPOCHS, batchSize: 10 },
    seeds: [1],
    runs: labels.map((label) => ({ label, trainer: 'backprop' })),
  };
  writeFileSync(join(folder, 'suite.json'), JSON.stringify(suite));
  const lines = labels.map((label, c) => {
    const epochs = Array.from({ length: EPOCHS }, (_, e) => ({ exactAccuracy: ((c % 100) + e) / 200, bitAccuracy: 0.5, loss: 1 / (e + 1) }));
    return JSON.stringify(makeRecord(label, 1, epochs, { training: { epochs: EPOCHS, batchSize: 10 } }));
  });
  writeFileSync(join(folder, 'results.jsonl'), `${lines.join('\n')}\n`);
  return folder;
}

describe('synthgrad report of a 10,000-run suite', () => {
  it('writes summary.csv with every configuration and report.html with capped charts that say so', async () => {
    const folder = manyRunsFolder();
    const result = await cli(['report', folder]);
    expect(result.code, result.err).toBe(0);
    expect(result.out).toContain('10000 run records from 1 folder');
    const csv = readFileSync(join(folder, 'summary.csv'), 'utf8').trim().split('\n');
    expect(csv).toHaveLength(1 + CONFIGURATIONS);
    const header = csv[0].split(',');
    const row = csv.find((line) => line.split(',')[1] === 'config-04242')!.split(',');
    // Its last epoch (19): (42 + 19) / 200 = 0.305.
    expect(Number(row[header.indexOf('test_exact_accuracy_mean')])).toBeCloseTo(0.305, 12);
    const html = readFileSync(join(folder, 'report.html'), 'utf8');
    expect(html).toContain('config-09999');
    // The baseline (a backprop configuration, config-00000, ranked last) is drawn too.
    expect(html).toContain(`Only the ${CHART_MAX_CONFIGURATIONS} best-ranked configurations of 10000 and the baseline are drawn`);
    // Five learning curves of 10,000 lines each made a report of over 100 MB.
    expect(statSync(join(folder, 'report.html')).size).toBeLessThan(40 * 2 ** 20);
  }, 300_000);
});
