// The playground as a visitor sees it: built, served by a plain file server, opened in Debian's
// headless Chromium (playwright-core) with every request off the server refused. Needs
// /usr/bin/chromium (tools/scripts/install-browser.sh); SYNTHGRAD_SKIP_BROWSER_TESTS=1 skips it.
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPlayground, serveStatic } from './servePlayground.js';

const SKIP = process.env.SYNTHGRAD_SKIP_BROWSER_TESTS === '1';
const CHROMIUM = '/usr/bin/chromium';
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
/**
 * Steps within which a DNI run must beat chance on held-out 8-bit sums: 30 epochs. Chance is 50% of
 * bits; 55% of 8,000 held-out bits is 9 standard deviations above it.
 */
const STEP_BOUND = 3000;
const ABOVE_CHANCE = 0.55;
/** The worker reports at least every this many steps (SLICE_STEPS in trainingWorker.ts). */
const REPORT_STEPS = 200;
/** Where a screenshot is saved when set (the README's image is made this way). */
const SCREENSHOT = process.env.SYNTHGRAD_PLAYGROUND_SCREENSHOT;

const statusOf = (page: Page) =>
  page.$eval('#status', (el) => ({ step: Number(el.dataset.step), running: el.dataset.running === 'true', acc: Number(el.dataset.testBitAccuracy) }));

describe.skipIf(SKIP)('the playground in headless Chromium', () => {
  let dir: string;
  let server: Server;
  let url: string;
  let browser: Browser;
  let page: Page;
  const consoleErrors: string[] = [];
  const refused: string[] = [];

  beforeAll(async () => {
    if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: run tools/scripts/install-browser.sh, or set SYNTHGRAD_SKIP_BROWSER_TESTS=1`);
    dir = await mkdtemp(join(tmpdir(), 'synthgrad-playground-'));
    await buildPlayground(dir);
    ({ server, url } = await serveStatic(dir));
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
    page = await browser.newPage({ viewport: { width: 1300, height: 1100 } });
    page.on('console', (message) => {
      if (message.type() === 'error') consoleErrors.push(message.text());
    });
    page.on('pageerror', (error) => consoleErrors.push(error.message));
    await page.route(/.*/, async (route) => {
      const target = route.request().url();
      if (target.startsWith(url) || target.startsWith('blob:') || target.startsWith('data:')) return route.continue();
      refused.push(target);
      return route.abort();
    });
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    server?.close();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('loads with no console error, lists the trainers of the registry, and runs on the wasm backend', async () => {
    await page.goto(url, { waitUntil: 'load' });
    await page.waitForSelector('#status[data-ready="true"]', { timeout: 60_000 });
    expect(consoleErrors).toEqual([]);
    expect(refused).toEqual([]);
    const trainers = await page.$$eval('select[name=trainer] option', (options) => options.map((o) => (o as HTMLOptionElement).value));
    expect(trainers).toEqual(expect.arrayContaining(['backprop', 'dni']));
    expect(await page.$eval('body', (b) => b.dataset.backend)).toBe('wasm');
    expect(await page.evaluate(() => location.hash)).toContain('trainer=dni');
  }, 90_000);

  it('starts a DNI run on binary addition whose held-out bit accuracy rises above chance within a bounded number of steps', async () => {
    expect((await statusOf(page)).step).toBe(0);
    // Every report the page shows, recorded as it lands (the run goes on while the test looks).
    await page.evaluate(() => {
      const el = document.getElementById('status')!;
      const seen: [number, number][] = [];
      (window as unknown as { seen: typeof seen }).seen = seen;
      new MutationObserver(() => seen.push([Number(el.dataset.step), Number(el.dataset.testBitAccuracy)])).observe(el, {
        attributes: true,
        attributeFilter: ['data-test-bit-accuracy'],
      });
    });
    await page.click('#play');
    await page.waitForFunction(
      ([bound, threshold]) => {
        const el = document.getElementById('status')!;
        return Number(el.dataset.testBitAccuracy) > threshold || Number(el.dataset.step) > bound;
      },
      [STEP_BOUND, ABOVE_CHANCE],
      { timeout: 120_000, polling: 100 },
    );
    const seen = await page.evaluate(() => (window as unknown as { seen: [number, number][] }).seen);
    const first = seen.find(([, accuracy]) => accuracy > ABOVE_CHANCE);
    expect(first, JSON.stringify(seen.slice(-5))).toBeDefined();
    expect(first![0]).toBeLessThanOrEqual(STEP_BOUND + REPORT_STEPS);
    expect(seen.length).toBeGreaterThan(1);
    expect(await page.$$eval('figure.chart', (figures) => figures.length)).toBe(3);
    if (SCREENSHOT) await page.screenshot({ path: SCREENSHOT, fullPage: true });
  }, 150_000);

  it('pauses (the step count stops), steps once, and resets to step 0', async () => {
    await page.click('#pause');
    await page.waitForSelector('#status[data-running="false"]');
    const paused = (await statusOf(page)).step;
    await page.waitForTimeout(700);
    expect((await statusOf(page)).step).toBe(paused);
    await page.click('#step');
    await page.waitForFunction((n) => Number(document.getElementById('status')!.dataset.step) === n + 1, paused);
    await page.click('#reset');
    await page.waitForFunction(() => document.getElementById('status')!.dataset.step === '0');
    expect((await statusOf(page)).running).toBe(false);
    expect(consoleErrors).toEqual([]);
  }, 60_000);

  it('restores its settings from a URL', async () => {
    const restored = await browser.newPage();
    await restored.goto(`${url}#bits=7&trainer=backprop&learningRate=0.25&batchSize=20&hidden=32,16&generatorInput=labels`, { waitUntil: 'load' });
    await restored.waitForSelector('#status[data-ready="true"]', { timeout: 60_000 });
    const value = (name: string) => restored.$eval(`[name=${name}]`, (el) => (el as HTMLInputElement).value);
    expect(await value('bits')).toBe("7");
    expect(await value('trainer')).toBe('backprop');
    expect(await value('learningRate')).toBe('0.25');
    expect(await value('batchSize')).toBe('20');
    expect(await value('hidden')).toBe('32,16');
    const checked = await restored.$$eval('input[name=generatorInput]:checked', (els) => els.map((el) => (el as HTMLInputElement).value));
    expect(checked).toEqual(['labels']);
    expect(await restored.$$eval('#sums tbody tr td:nth-child(2) code', (codes) => codes.map((c) => c.textContent!.length))).toEqual([7, 7, 7, 7]);
    await restored.close();
  }, 90_000);
});
