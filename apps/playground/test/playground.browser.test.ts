// The playground as a visitor sees it: built, served by a plain file server, opened in Debian's
// headless Chromium (playwright-core) with every request off the server refused. Needs
// /usr/bin/chromium (tools/scripts/install-browser.sh); SYNTHGRAD_SKIP_BROWSER_TESTS=1 skips it.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchPlayground, recordReports, reportsOf, run, statusOf, waitAccuracyOrStep, waitReady, type PlaygroundBrowser } from './browserPage.js';

const SKIP = process.env.SYNTHGRAD_SKIP_BROWSER_TESTS === '1';
/**
 * Steps within which a DNI run must beat chance on held-out 8-bit sums: 30 epochs. Chance is 50% of
 * bits; 55% of 8,000 held-out bits is 9 standard deviations above it.
 */
const STEP_BOUND = 3000;
const ABOVE_CHANCE = 0.55;
/** The worker reports at least every this many steps (SLICE_STEPS in trainingWorker.ts). */
const REPORT_STEPS = 200;

describe.skipIf(SKIP)('the playground in headless Chromium', () => {
  let site: PlaygroundBrowser;
  let page: Page;

  beforeAll(async () => {
    site = await launchPlayground();
  }, 180_000);

  afterAll(async () => {
    await site?.close();
  });

  it('loads with no console error, lists the trainers of the registry, and runs on the wasm backend', async () => {
    page = await site.open();
    await waitReady(page, 1);
    expect(site.problems).toEqual([]);
    expect(site.refused).toEqual([]);
    const trainers = await page.$$eval(`${run(0)} select[name=trainer] option`, (options) => options.map((o) => (o as HTMLOptionElement).value));
    expect(trainers).toEqual(expect.arrayContaining(['backprop', 'dni']));
    expect(await page.$eval('body', (b) => b.dataset.backend)).toBe('wasm');
    expect(await page.evaluate(() => location.hash)).toContain('trainer=dni');
  }, 90_000);

  it('says what it shows: what DNI is with the paper and the tutorial, axis titles, a key to the line styles, a legend with values from the start', async () => {
    const about = await page.$eval('#about', (el) => ({ text: el.textContent!, links: [...el.querySelectorAll('a')].map((a) => a.href) }));
    expect(about.text).toMatch(/generator/);
    expect(about.text).toMatch(/true gradient arrives later/);
    expect(about.links).toEqual(['https://arxiv.org/abs/1608.05343', 'https://iamtrask.github.io/2017/03/21/synthetic-gradients/']);
    const charts = await page.$$eval('figure.chart', (figures) =>
      figures.map((f) => ({
        label: f.getAttribute('aria-label'),
        caption: f.querySelector('figcaption')!.textContent!.replace(/\s+/g, ' '),
        legend: [...f.querySelectorAll('.u-legend .u-series')].map((row) => ({
          name: row.querySelector('th')!.textContent!.trim(),
          value: row.querySelector('td')!.textContent!.trim(),
          marker: (row.querySelector('.u-marker') as HTMLElement | null)?.style.borderStyle,
        })),
      })),
    );
    expect(charts.map((c) => c.label)).toEqual([
      'accuracy (bits of sums, or MNIST images): accuracy (fraction right) against step (batches trained)',
      'loss: loss against step (batches trained)',
      'cosine(synthetic, true gradient): cosine similarity against step (batches trained)',
    ]);
    expect(charts[0].caption).toContain('solid = train, dashed = test');
    expect(charts[1].caption).toContain('solid = steps, dashed = train, dotted = test');
    expect(charts[2].caption).toContain('solid = layer 1, dashed = layer 2');
    // The legend draws each series as its line is drawn, and the caption's key says the same.
    const accuracy = Object.fromEntries(charts[0].legend.map((row) => [row.name, row]));
    expect(accuracy['run 1: train'].marker).toBe('solid');
    expect(accuracy['run 1: test'].marker).toBe('dashed');
    expect(Object.fromEntries(charts[1].legend.map((row) => [row.name, row.marker]))['run 1: test']).toBe('dotted');
    // Before any hover the legend holds the latest values: the held-out accuracy the run's status reports.
    for (const chart of charts) for (const row of chart.legend) expect(row.value, row.name).not.toBe('--');
    expect(accuracy.step.value).toBe('0');
    const status = await statusOf(page, 0);
    expect(Number(accuracy['run 1: test'].value)).toBeCloseTo(status.accuracy, 4);
    expect(await page.$eval(`${run(0)} .status`, (el) => [el.getAttribute('data-state'), el.textContent])).toEqual(['ready', expect.stringMatching(/— ready$/)]);
  }, 30_000);

  it('starts a DNI run on binary addition whose held-out bit accuracy rises above chance within a bounded number of steps', async () => {
    expect((await statusOf(page, 0)).step).toBe(0);
    await recordReports(page, 0);
    await page.click('#play');
    await waitAccuracyOrStep(page, 0, ABOVE_CHANCE, STEP_BOUND);
    const seen = await reportsOf(page, 0);
    const first = seen.find(([, accuracy]) => accuracy > ABOVE_CHANCE);
    expect(first, JSON.stringify(seen.slice(-5))).toBeDefined();
    expect(first![0]).toBeLessThanOrEqual(STEP_BOUND + REPORT_STEPS);
    expect(seen.length).toBeGreaterThan(1);
    expect(await page.$$eval('figure.chart', (figures) => figures.length)).toBe(3);
  }, 150_000);

  it('pauses (the step count stops), steps once, and resets to step 0', async () => {
    await page.click('#pause');
    await page.waitForSelector(`${run(0)} .status[data-running="false"]`);
    const paused = (await statusOf(page, 0)).step;
    await page.waitForTimeout(700);
    expect((await statusOf(page, 0)).step).toBe(paused);
    await page.click('#step');
    await page.waitForFunction(([selector, n]) => Number((document.querySelector(`${selector} .status`) as HTMLElement).dataset.step) === (n as number) + 1, [run(0), paused] as const);
    await page.click('#reset');
    await page.waitForFunction((selector) => (document.querySelector(`${selector} .status`) as HTMLElement).dataset.step === '0', run(0));
    expect((await statusOf(page, 0)).running).toBe(false);
    expect(site.problems).toEqual([]);
    await page.close();
  }, 60_000);

  it('reads "finished" once every epoch is trained, not "paused"', async () => {
    const short = await site.open('#epochs=2&trainSize=40&testSize=20&batchSize=10&hidden=8');
    await waitReady(short, 1);
    await short.click('#play');
    await short.waitForSelector(`${run(0)} .status[data-state="finished"]`, { timeout: 30_000 });
    // 40 sums in batches of 10: 4 steps an epoch, 8 in 2 epochs.
    expect((await statusOf(short, 0)).step).toBe(8);
    const text = await short.$eval(`${run(0)} .status`, (el) => el.textContent!);
    expect(text).toMatch(/— finished: 2 epochs trained$/);
    expect(text).not.toMatch(/paused/);
    await short.click('#pause');
    await short.waitForTimeout(300);
    expect(await short.$eval(`${run(0)} .status`, (el) => el.getAttribute('data-state'))).toBe('finished');
    expect(site.problems).toEqual([]);
    await short.close();
  }, 60_000);

  it('keeps what a broken link gets right: unknown keys and bad values are named and left out, 20,000 layers refused at once', async () => {
    const layers = Array.from({ length: 20_000 }, () => '1').join(',');
    const broken = await site.open(`#bits=7&bitz=5&hidden=${layers}&seed=3&run2.trainer=backprop&run2.epochs=2000000&run2.batchSize=20`);
    await waitReady(broken, 2);
    const notices = await broken.$$eval('#notices li', (items) => items.map((li) => li.textContent));
    expect(notices).toEqual([
      '"hidden": at most 16 hidden layers, got 20000; using 128,64',
      expect.stringMatching(/^unknown setting "bitz" in the URL, ignored it; known: task, bits/),
      '"run2.epochs": expected an integer from 1 to 1000000, got "2000000"; using 100',
    ]);
    const value = (index: number, name: string) => broken.$eval(`${run(index)} [name=${name}]`, (el) => (el as HTMLInputElement).value);
    expect([await value(0, 'bits'), await value(0, 'seed'), await value(0, 'hidden')]).toEqual(['7', '3', '128,64']);
    expect([await value(1, 'trainer'), await value(1, 'epochs'), await value(1, 'batchSize'), await value(1, 'bits')]).toEqual(['backprop', '100', '20', '7']);
    const hash = await broken.evaluate(() => location.hash);
    expect(hash).not.toContain('bitz');
    expect(hash).toContain('run2.batchSize=20');
    // Backprop trains no generator: its panel offers no generator settings, the DNI run's does.
    expect(await broken.isVisible(`${run(0)} [name=generatorLearningRate]`)).toBe(true);
    expect(await broken.isVisible(`${run(1)} [name=generatorLearningRate]`)).toBe(false);
    expect(await broken.isVisible(`${run(1)} input[name=generatorInput]`)).toBe(false);

    // The form holds the same bounds: a refused value names its field and goes back; the run is not rebuilt.
    await broken.click('#step');
    await broken.waitForFunction((selector) => document.querySelector(`${selector} .status`)?.getAttribute('data-step') === '1', run(0));
    for (const [name, text, reason] of [
      ['epochs', '2000000', /^"epochs": expected an integer from 1 to 1000000, got "2000000"; kept 100$/],
      ['batchSize', '0', /^"batchSize": expected an integer from 1 to 100000, got "0"; kept 10$/],
      ['hidden', Array(17).fill(8).join(','), /^"hidden": at most 16 hidden layers, got 17; kept 128,64$/],
    ] as const) {
      await broken.fill(`${run(0)} [name=${name}]`, text);
      await broken.press(`${run(0)} [name=${name}]`, 'Tab');
      await broken.waitForFunction((selector) => document.querySelector(`${selector} .notice`)?.textContent !== '', run(0));
      expect(await broken.$eval(`${run(0)} .notice`, (el) => el.textContent), name).toMatch(reason);
      expect(await value(0, name)).toBe(reason.source.match(/kept (.*)\$$/)![1]);
      expect((await statusOf(broken, 0)).step).toBe(1);
    }
    await broken.fill(`${run(0)} [name=epochs]`, '5');
    await broken.press(`${run(0)} [name=epochs]`, 'Tab');
    await broken.waitForFunction(() => location.hash.includes('&epochs=5'));
    expect(await broken.$eval(`${run(0)} .notice`, (el) => el.textContent)).toBe('');
    expect(site.problems).toEqual([]);
    await broken.close();
  }, 90_000);

  it('restores its settings from a URL', async () => {
    const restored = await site.open('#bits=7&trainer=backprop&learningRate=0.25&batchSize=20&hidden=32,16&generatorInput=labels');
    await waitReady(restored, 1);
    const value = (name: string) => restored.$eval(`${run(0)} [name=${name}]`, (el) => (el as HTMLInputElement).value);
    expect(await value('bits')).toBe('7');
    expect(await value('trainer')).toBe('backprop');
    expect(await value('learningRate')).toBe('0.25');
    expect(await value('batchSize')).toBe('20');
    expect(await value('hidden')).toBe('32,16');
    const checked = await restored.$$eval('input[name=generatorInput]:checked', (els) => els.map((el) => (el as HTMLInputElement).value));
    expect(checked).toEqual(['labels']);
    expect(await restored.$$eval(`${run(0)} .examples tbody tr td:nth-child(2) code`, (codes) => codes.map((c) => c.textContent!.length))).toEqual([7, 7, 7, 7]);
    await restored.close();
  }, 90_000);
});
