import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, fixture, readRecords, runFolder, spawnCli, tempDir } from './helpers.js';

describe('suite sizes (--size, --quick) and the paper-style table', () => {
  it('runs the quick size, records it in suite.json, prints and reports the table; --resume keeps the size', async () => {
    const out = tempDir();
    const { code, out: stdout, err } = await cli(['compare', fixture('sized-table.json'), '--quick', '--out', out, '--workers', '2']);
    expect(err).not.toContain('unexpected error');
    expect(code, err).toBe(0);
    expect(err).toContain('Suite "sized-table" (size quick: 100 training examples, 2 epochs, seeds 1 and 2): 4 configurations × 2 seeds = 8 runs');
    const folder = runFolder(out, 'sized-table')!;
    const recorded = JSON.parse(readFileSync(join(folder, 'suite.json'), 'utf8'));
    expect(recorded.size).toEqual({ name: 'quick', description: '100 training examples, 2 epochs, seeds 1 and 2' });
    expect(recorded.sizes).toBeUndefined();
    expect(recorded.seeds).toEqual([1, 2]);
    expect(recorded.dataset.options).toEqual({ trainSize: 100, testSize: 50, seed: 1 });
    const records = readRecords(folder);
    expect(records).toHaveLength(8);
    for (const record of records) {
      expect(record.status).toBe('completed');
      expect(record.history).toHaveLength(2);
      expect(record.dataset).toEqual({ name: 'mnist', options: { trainSize: 100, testSize: 50, seed: 1 } });
    }

    expect(stdout).toContain('Test error (%): mean ± std over seeds, final epoch; * = best in its column');
    expect(stdout).toMatch(/method \\ hiddenLayers\s+1\s+2\n/);
    expect(stdout).toMatch(/\nbackprop\s+\d+\.\d\d ± \d+\.\d\d[* ]\s+\d+\.\d\d ± \d+\.\d\d\*?\n/);
    expect(stdout).toMatch(/\ncDNI\s+\d+\.\d\d ± \d+\.\d\d/);

    const html = readFileSync(join(folder, 'report.html'), 'utf8');
    expect(html.indexOf('id="paper-table"')).toBeGreaterThan(0);
    expect(html.indexOf('id="paper-table"'), 'the paper table comes before the summary').toBeLessThan(html.indexOf('id="summary-table"'));
    expect(html).toContain('<dt>Size</dt><dd><code>quick</code> 100 training examples, 2 epochs, seeds 1 and 2</dd>');
    // the table's cell = 100 × (1 − final test accuracy), mean over the two seeds
    const final = (label: string) => records.filter((r) => r.label === label).map((r) => 100 * (1 - r.history[1].test.accuracy!));
    const [a, b] = final('backprop, 1 hidden');
    expect(html).toContain(`>${((a + b) / 2).toFixed(2)}</`);

    const resumed = await cli(['compare', '--resume', folder, '--workers', '1']);
    expect(resumed.code, resumed.err).toBe(0);
    expect(resumed.err).toContain('(size quick');
    expect(resumed.err).toContain('Resuming: 8 of 8 runs already finished, 0 to do');
    expect(resumed.out).toContain('8 of 8 runs recorded');
  });

  it('rejects an unknown size listing the known ones, and --size/--quick with --resume', async () => {
    const unknown = await cli(['compare', fixture('sized-table.json'), '--size', 'tiny', '--out', tempDir()]);
    expect(unknown.code).toBe(2);
    expect(unknown.err).toContain('--size tiny: suite "sized-table" has no size "tiny"; known sizes: "full" (the suite as written), "quick"');
    const noQuick = await cli(['compare', 'seed-smoke', '--quick', '--out', tempDir()]);
    expect(noQuick.code).toBe(2);
    expect(noQuick.err).toContain('--size quick: suite "seed-smoke" has no size "quick"; known sizes: "full" (the suite as written)');
    const both = await cli(['compare', fixture('sized-table.json'), '--quick', '--size', 'full', '--out', tempDir()]);
    expect(both.err).toContain('--quick means --size quick; it cannot be combined with --size full');
    const resume = await cli(['compare', '--resume', tempDir(), '--quick']);
    expect(resume.code).toBe(2);
    expect(resume.err).toMatch(/--resume runs the suite recorded in .*suite\.json; --quick cannot change it/);
  });

  it('lists sizes in --help and shows mnist among the datasets and the built-in suites with their sizes', async () => {
    const help = await spawnCli(['compare', '--help']).done;
    expect(help.out).toContain('--size <name>');
    expect(help.out).toContain('--quick');
    const list = await cli(['list']);
    expect(list.out).toMatch(/Datasets:\n\s+arrays\s+.*\n\s+binary-addition\s+.*\n\s+mnist\s+Yann LeCun's MNIST/);
    expect(list.out).toMatch(/\n {2}paper-mnist +Jaderberg et al\. 2016, Table 1 .*\[sizes: full, quick\]\n/);
    expect(list.out).toMatch(/\n {2}unlocked +Jaderberg et al\. 2016, unlocked .*\[sizes: full, quick\]\n/);
  });
});
