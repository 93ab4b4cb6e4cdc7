import { mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { RunRecord } from '../src/RunRecord.js';
import { cli, readRecords, runFolder, tempDir } from './helpers.js';
import { makeRecord } from './report/makeRecord.js';

/** A run folder as compare writes one, from hand-made records. */
function handMadeFolder(root: string, name: string, runs: { label: string; trainer: string; options?: Record<string, unknown> }[], records: RunRecord[]): string {
  const folder = join(root, name);
  mkdirSync(folder, { recursive: true });
  const suite = {
    name: 'unit',
    dataset: { name: 'binary-addition', options: {} },
    network: { layers: [{ units: 8 }, { units: 4 }, { units: 2 }], learningRate: 0.1 },
    training: { epochs: 2, batchSize: 10 },
    seeds: [...new Set(records.map((r) => r.seed))],
    runs,
  };
  writeFileSync(join(folder, 'suite.json'), JSON.stringify(suite));
  writeFileSync(join(folder, 'results.jsonl'), records.map((r) => `${JSON.stringify(r)}\n`).join(''));
  return folder;
}

const final = (label: string, seed: number, exactAccuracy: number, extra: Partial<RunRecord> = {}) =>
  makeRecord(label, seed, [{ exactAccuracy: 0 }, { exactAccuracy }], { trainer: label === 'backprop' ? 'backprop' : 'dni', ...extra });

describe('synthgrad compare records provenance; synthgrad report rebuilds it', () => {
  it('writes provenance into every record and rebuilds summary.csv and report.html from the folder', async () => {
    const out = tempDir();
    const run = await cli(['compare', 'seed-smoke', '--out', out, '--workers', '1', '--epochs', '1', '--seeds', '1']);
    expect(run.code, run.err).toBe(0);
    const folder = runFolder(out, 'seed-smoke')!;
    const records = readRecords(folder);
    const suiteHash = createHash('sha256').update(readFileSync(join(folder, 'suite.json'))).digest('hex');
    for (const record of records) {
      expect(record.provenance).toMatchObject({
        command: ['compare', 'seed-smoke', '--out', out, '--workers', '1', '--epochs', '1', '--seeds', '1'],
        suiteSha256: suiteHash,
        node: process.version,
        workers: 'threads',
      });
      expect(record.provenance!.packages['@synthgrad/cli']).toBeDefined();
    }
    const summaryBefore = readFileSync(join(folder, 'summary.csv'), 'utf8');
    writeFileSync(join(folder, 'summary.csv'), '');
    const rebuilt = await cli(['report', folder]);
    expect(rebuilt.code, rebuilt.err).toBe(0);
    expect(readFileSync(join(folder, 'summary.csv'), 'utf8')).toBe(summaryBefore);
    expect(readFileSync(join(folder, 'report.html'), 'utf8')).toContain('id="provenance"');
    expect(rebuilt.out).toContain(`Report: ${join(folder, 'report.html')}`);
  }, 120_000);

  it('merges folders (a configuration added later) into --out, and names conflicting configurations', async () => {
    const root = tempDir();
    const first = handMadeFolder(root, 'first', [{ label: 'backprop', trainer: 'backprop' }], [final('backprop', 1, 0.5), final('backprop', 2, 0.75)]);
    const later = handMadeFolder(root, 'later', [{ label: 'DNI', trainer: 'dni' }], [final('DNI', 1, 0.625), final('DNI', 2, 0.75)]);
    const merged = join(root, 'merged');
    const result = await cli(['report', first, later, '--out', merged]);
    expect(result.code, result.err).toBe(0);
    expect(readRecords(merged).map((r) => [r.label, r.seed])).toEqual([['backprop', 1], ['DNI', 1], ['backprop', 2], ['DNI', 2]]);
    const csv = readFileSync(join(merged, 'summary.csv'), 'utf8');
    expect(csv).toContain(',backprop,');
    expect(csv).toContain(',DNI,');
    expect(readFileSync(join(merged, 'report.html'), 'utf8')).toContain('Δ vs backprop');

    const conflicting = handMadeFolder(root, 'conflicting', [{ label: 'DNI', trainer: 'dni', options: { generatorInput: 'labels' } }], [
      final('DNI', 1, 0.5, { options: { generatorInput: 'labels' } }),
    ]);
    const refused = await cli(['report', later, conflicting, '--out', join(root, 'refused')]);
    expect(refused.code).toBe(2);
    expect(refused.err).toContain(`"DNI" seed 1 in ${later} and seed 1 in ${conflicting}: options differ`);
    expect(existsSync(join(root, 'refused'))).toBe(false);

    const noOut = await cli(['report', first, later]);
    expect(noOut.err).toContain('merging 2 folders needs --out <folder>');
    const notFolder = await cli(['report', root]);
    expect(notFolder.err).toContain(`"${root}" is not a run folder: it needs suite.json and results.jsonl`);
    const badBaseline = await cli(['report', first, '--baseline', 'dfa']);
    expect(badBaseline.err).toContain('--baseline dfa: no configuration has that label (labels: "backprop")');
  });
});
