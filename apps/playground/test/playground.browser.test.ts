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
