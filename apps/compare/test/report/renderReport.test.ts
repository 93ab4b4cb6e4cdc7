import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderReport, writeReport } from '../../src/report/index.js';
import { FIXTURE_CHART_METRICS, loadFixture } from './loadFixture.js';
import { makeRecord } from './makeRecord.js';
import type { Suite } from '../../src/RunRecord.js';

const { records, suite } = loadFixture();
const generatedAt = new Date('2026-11-26T05:00:00Z');

/** `toContain` without printing a whole page when it fails. */
function expectIn(html: string, ...snippets: string[]): void {
  for (const snippet of snippets) expect(html.includes(snippet), `page contains ${JSON.stringify(snippet)}`).toBe(true);
}

function expectNotIn(html: string, ...snippets: string[]): void {
  for (const snippet of snippets) expect(html.includes(snippet), `page lacks ${JSON.stringify(snippet)}`).toBe(false);
}

/** The `<tbody>` rows of the summary table, in order, by label. */
function tableLabels(html: string): string[] {
  const body = /<table id="summary-table"[\s\S]*?<tbody>([\s\S]*?)<\/tbody>/.exec(html)![1];
  return [...body.matchAll(/<tr data-label="([^"]*)"/g)].map((m) => m[1]);
}

describe('renderReport (fixture of a real run)', async () => {
  const html = await renderReport(records, suite, { generatedAt });

  it('has one ranked table row per configuration', () => {
    // final test exact accuracy of the fixture: backprop 3.5%, cDNI 0.5%, DNI 0%; the rest never completed
    expect(tableLabels(html)).toEqual(['backprop', 'cDNI (labels)', 'DNI', 'DNI (generator lr 0.03)', 'unknown trainer']);
    expect(html.match(/<tr data-label=/g)).toHaveLength(suite.runs.length);
  });

  it('draws one inline SVG chart per metric, each with a caption', () => {
    const figures = [...html.matchAll(/<figure class="chart" data-metric="([^"]+)"[\s\S]*?<\/figure>/g)];
    expect(figures.map((f) => f[1])).toEqual(FIXTURE_CHART_METRICS);
    for (const [figure] of figures) {
      expect(figure).toMatch(/<svg[\s\S]*<\/svg>/);
      expect(figure).toMatch(/<figcaption>[^<]*min–max over seeds/);
    }
  });

  it('states the threshold, the header facts and the runs that did not complete', () => {
    expectIn(html, 'Epochs to 99% train bit acc.');
    expectIn(html, 'reaches <strong>99%</strong>');
    expectIn(html, '<strong>Ranked on the test split</strong>: the dataset was loaded without a validation split');
    expectIn(html, '<h1>report-fixture</h1>');
    expectIn(html, '10 recorded of 10 expected');
    expectIn(html, '64 → 32 → 8 units, sigmoid, no bias');
    expectIn(html, 'Report generated 2026-11-26 05:00 UTC');
    expectIn(html, '2 runs diverged, 2 runs failed');
    expectIn(html, 'seed 1 diverged after 3 finished epochs');
    expectIn(html, 'seeds 1, 2 failed: <q>UnknownPluginError: unknown trainer &quot;no-such-trainer&quot;');
  });

  it('is self-contained: no script, no external reference, unique element ids', () => {
    expect(/<script/i.test(html), String(/<script/i)).toBe(false);
    const withoutNamespaces = html.replace(/xmlns(:\w+)?="[^"]*"/g, '').replace('http-equiv', '');
    expect(withoutNamespaces).not.toMatch(/https?:|\/\/[a-z]/i);
    expect(/<(link|img)[^>]+(href|src)="(?!data:)/.test(html), String(/<(link|img)[^>]+(href|src)="(?!data:)/)).toBe(false);
    const ids = [...html.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('writes report.html into the output folder', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'synthgrad-report-'));
    try {
      const path = await writeReport(join(dir, 'nested'), records, suite, { generatedAt });
      expect(path).toBe(join(dir, 'nested', 'report.html'));
      // the same bytes as a render in memory: the page does not depend on what was rendered before
      expect((await readFile(path, 'utf8')) === html, 'report.html equals renderReport()').toBe(true);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('renderReport (hand-made cases)', () => {
  const base = loadFixture().suite;

  it('leaves the gradient section out when no run measured alignment, and escapes labels', async () => {
    const suite = { ...base, seeds: [1], runs: [{ label: '<b>bp</b> & "co"', trainer: 'backprop' }] };
    const html = await renderReport([makeRecord('<b>bp</b> & "co"', 1, [{ bitAccuracy: 0.5, exactAccuracy: 0 }])], suite);
    expectNotIn(html, 'gradient-alignment');
    expectNotIn(html, 'data-metric="gradient-cosine"');
    expectNotIn(html, '<b>bp</b>');
    expectIn(html, '&lt;b&gt;bp&lt;/b&gt; &amp; &quot;co&quot;');
    expectNotIn(html, 'id="run-notes"');
  });

  it('ranks classification by accuracy with a 90% threshold and draws its accuracy curve', async () => {
    const suite = { ...base, seeds: [1], runs: [{ label: 'low', trainer: 'backprop' }, { label: 'high', trainer: 'backprop' }] };
    const html = await renderReport(
      [
        makeRecord('low', 1, [{ accuracy: 0.5, loss: 1 }, { accuracy: 0.8, loss: 0.7 }]),
        makeRecord('high', 1, [{ accuracy: 0.875, loss: 0.5 }, { accuracy: 0.9375, loss: 0.25 }]),
      ],
      suite,
    );
    expect(tableLabels(html)).toEqual(['high', 'low']);
    expectIn(html, 'Epochs to 90% test acc.');
    expect(/data-metric="test-accuracy"/.test(html), String(/data-metric="test-accuracy"/)).toBe(true);
    expect(/data-metric="test-bit-accuracy"/.test(html), String(/data-metric="test-bit-accuracy"/)).toBe(false);
    // "high" reaches 90% mean accuracy at epoch 2 of 2
    expect(/<tr data-label="high">(?:<t[dh][^>]*>[\s\S]*?<\/t[dh]>){6}<td class="num">2<span class="of"> \/ 2<\/span><\/td>/.test(html), String(/<tr data-label="high">(?:<t[dh][^>]*>[\s\S]*?<\/t[dh]>){6}<td class="num">2<span class="of"> \/ 2<\/span><\/td>/)).toBe(true);
  });

  it('notes the seeds with no record yet', async () => {
    const suite = { ...base, seeds: [1, 2], runs: [{ label: 'a', trainer: 'backprop' }] };
    const html = await renderReport([makeRecord('a', 1, [{ bitAccuracy: 0.5, exactAccuracy: 0 }])], suite);
    expectIn(html, '1 run missing');
    expectIn(html, 'seed 2 has no record');
    expectIn(html, '<span class="badge missing">1 missing</span>');
  });
});

describe('renderReport confidence section', async () => {
  const twoConfigurations: Suite = {
    ...suite,
    seeds: [1, 2, 3],
    runs: [
      { label: 'DNI', trainer: 'dni' },
      { label: 'backprop', trainer: 'backprop' },
    ],
  } as Suite;
  const run = (label: string, seed: number, exactAccuracy: number) => makeRecord(label, seed, [{ exactAccuracy: 0 }, { exactAccuracy }]);
  const handMade = [
    run('backprop', 1, 0.5), run('backprop', 2, 0.75), run('backprop', 3, 0.25),
    run('DNI', 1, 0.625), run('DNI', 2, 0.75), run('DNI', 3, 0.5),
  ];

  it('gives 95% t intervals over seeds and paired differences against backprop', async () => {
    const html = await renderReport(handMade, twoConfigurations, { generatedAt });
    const section = /<section id="confidence"[\s\S]*?<\/section>/.exec(html)![0];
    // backprop 0.5, 0.75, 0.25: mean 50%, s = 0.25, half-width 4.3027·0.25/√3 = 0.62103 → [−12.1, 112.1]
    expectIn(section, 'Δ vs backprop', '<span class="mean">50.0%</span> <span class="std">[−12.1, 112.1]</span>');
    // DNI − backprop per seed: 0.125, 0, 0.25 → mean +12.5 pp, half-width 4.3027·0.125/√3 = 0.310521 → [−18.6, +43.6]
    expectIn(section, '<span class="mean">+12.5 pp</span> <span class="std">[−18.6, +43.6]</span> <span class="of">(3 pairs)</span>');
  });

  it('compares against a chosen baseline, and refuses one that is not a configuration', async () => {
    const html = await renderReport(handMade, twoConfigurations, { generatedAt, baseline: 'DNI' });
    expectIn(html, 'Δ vs DNI', '<span class="mean">−12.5 pp</span>');
    await expect(renderReport(handMade, twoConfigurations, { baseline: 'dfa' })).rejects.toThrow(/baseline "dfa" is not a configuration.*"DNI", "backprop"/);
  });
});

describe('renderReport provenance section', () => {
  const provenance = {
    packages: { '@synthgrad/cli': '0.1.0', synthgrad: '0.1.0' },
    node: 'v22.11.0',
    os: { platform: 'linux', release: '6.1.0', arch: 'x64' },
    cpu: { model: 'AMD EPYC 7B13', count: 2 },
    gitCommit: 'a'.repeat(40),
    gitDirty: true,
    command: ['compare', 'my suite.json', '--quick'],
    suiteSha256: 'b'.repeat(64),
    workers: 'threads' as const,
  };

  it('says which software, machine, commit and command made the records, and counts records without provenance', async () => {
    const html = await renderReport(
      [makeRecord('backprop', 1, [{ exactAccuracy: 0.5 }], { provenance, dtype: 'float32' }), makeRecord('backprop', 2, [{ exactAccuracy: 0.5 }])],
      suite,
      { generatedAt },
    );
    const section = /<section id="provenance"[\s\S]*?<\/section>/.exec(html)![0];
    expectIn(
      section,
      '<code>synthgrad compare &#39;my suite.json&#39; --quick</code>',
      '@synthgrad/cli 0.1.0, synthgrad 0.1.0',
      'v22.11.0',
      'AMD EPYC 7B13 × 2 · linux 6.1.0 x64',
      'cpu (float32)',
      `<code>${'a'.repeat(40)}</code> <span class="badge warn">uncommitted changes</span>`,
      `<code>${'b'.repeat(64)}</code>`,
      '1 run record carries no provenance',
    );
  });

  it('never shows the password of a URL in the command, even in a record written with it', async () => {
    const command = ['compare', 'seed', '--queue', 'redis://user:secret@10.0.0.5:6379'];
    const html = await renderReport([makeRecord('backprop', 1, [{ exactAccuracy: 0.5 }], { provenance: { ...provenance, command } })], suite, { generatedAt });
    expect(html).toContain('<code>synthgrad compare seed --queue &#39;redis://user:***@10.0.0.5:6379&#39;</code>');
    expect(html).not.toContain('secret');
  });
});

describe('renderReport figure downloads', async () => {
  const html = await renderReport(records, suite, { generatedAt });

  it('offers each figure\'s data as CSV and the chart as SVG, self-contained', () => {
    const figures = [...html.matchAll(/<figure class="chart" data-metric="([^"]+)"[\s\S]*?<\/figure>/g)];
    expect(figures.length).toBeGreaterThan(0);
    for (const [figure, metric] of figures) {
      expect(figure, metric).toContain(`<a download="${metric}.csv" href="data:text/csv;base64,`);
      expect(figure, metric).toContain(`<a download="${metric}.svg" href="data:image/svg+xml;base64,`);
    }
    const csv = /download="test-exact-accuracy\.csv" href="data:text\/csv;base64,([^"]+)"/.exec(html)![1];
    const [header, firstRow] = Buffer.from(csv, 'base64').toString('utf8').split('\n');
    expect(header).toBe('configuration,panel,epoch,mean,min,max,n,carried,tail');
    expect(firstRow.startsWith('backprop,,1,')).toBe(true);
  });
});
