import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseSuite } from '../src/suite/readSuiteFile.js';
import { appDir, cli, readRecords, runFolder, tempDir } from './helpers.js';

const example = join(appDir, 'examples', 'own-data');

describe('your own data (examples/own-data)', () => {
  it('trains on the CSV files named in the suite, relative to the suite file, and learns above chance on validation', async () => {
    const out = tempDir();
    const elsewhere = tempDir();
    const { code, err } = await cli(['compare', join(example, 'suite.json'), '--out', out, '--workers', '2', '--epochs', '8'], elsewhere);
    expect(err).not.toContain('unexpected error');
    expect(code).toBe(0);
    const folder = runFolder(out, 'own-data')!;
    const suite = JSON.parse(readFileSync(join(folder, 'suite.json'), 'utf8'));
    expect(suite.dataset.options.baseDir, 'the copied suite still finds the files').toBe(example);

    const records = readRecords(folder);
    expect(records).toHaveLength(4);
    for (const record of records) {
      expect(record.status).toBe('completed');
      expect(record.history).toHaveLength(8);
      const last = record.history.at(-1)!;
      // Three balanced classes: chance is 1/3 (the most frequent class of the 100 validation rows is below 0.4).
      expect(last.validation!.accuracy, `${record.label} seed ${record.seed}`).toBeGreaterThan(0.8);
      expect(last.test.accuracy).toBeGreaterThan(0.8);
    }
    const labels = readFileSync(join(example, 'validation.csv'), 'utf8').trim().split('\n').slice(1).map((line) => line.split(',')[2]);
    const largestClass = Math.max(...['0', '1', '2'].map((c) => labels.filter((l) => l === c).length)) / labels.length;
    expect(largestClass).toBeLessThan(0.4);
  });

  it('stops before training at a bad CSV, naming the split, the file, the line and the column', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'train.csv'), 'x1,x2,label\n0.5,1,0\n0.25,oops,1\n');
    writeFileSync(join(dir, 'test.csv'), 'x1,x2,label\n0.5,1,0\n');
    const suite = JSON.parse(readFileSync(join(example, 'suite.json'), 'utf8'));
    suite.dataset.options = { train: 'train.csv', test: 'test.csv' };
    writeFileSync(join(dir, 'suite.json'), JSON.stringify(suite));
    const { code, err } = await cli(['compare', join(dir, 'suite.json'), '--out', tempDir()], dir);
    expect(code).not.toBe(0);
    expect(err).toContain(`${join(dir, 'train.csv')}: line 3, column 2 ("x2"): "oops" is not a finite number`);
  });

  it("anchors the arrays dataset's baseDir at the suite file's folder, and leaves other datasets' options alone", () => {
    const suite = JSON.parse(readFileSync(join(example, 'suite.json'), 'utf8'));
    const source = join('/data', 'suites', 'mine.json');
    expect(parseSuite(suite, source).dataset.options).toEqual({ ...suite.dataset.options, baseDir: join('/data', 'suites') });
    const relative = { ...suite, dataset: { name: 'arrays', options: { ...suite.dataset.options, baseDir: '../csv' } } };
    expect(parseSuite(relative, source).dataset.options!.baseDir).toBe(join('/data', 'csv'));
    const absolute = { ...suite, dataset: { name: 'arrays', options: { ...suite.dataset.options, baseDir: '/elsewhere' } } };
    expect(parseSuite(absolute, source).dataset.options!.baseDir).toBe('/elsewhere');
    const other = { ...suite, dataset: { name: 'binary-addition', options: { bits: 4 } } };
    expect(parseSuite(other, source).dataset).toEqual({ name: 'binary-addition', options: { bits: 4 } });
  });
});
