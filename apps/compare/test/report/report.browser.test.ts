// The report as a reader sees it: rendered from the committed fixture, opened from disk in Debian's
// headless Chromium (playwright-core). Needs /usr/bin/chromium (tools/scripts/install-browser.sh); set
// SYNTHGRAD_SKIP_BROWSER_TESTS=1 to skip it where no browser can be installed.
import { existsSync } from 'node:fs';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeReport } from '../../src/report/index.js';
import { CHROMIUM_PATH, launchChromium } from '../browser/launchChromium.js';
import { FIXTURE_CHART_METRICS, loadFixture } from './loadFixture.js';

const SKIP = process.env.SYNTHGRAD_SKIP_BROWSER_TESTS === '1';
/** Where the test leaves its screenshot of the whole page (overwritten on every run). */
const SCREENSHOT = join(tmpdir(), 'synthgrad-report-browser-test.png');

/** A page that records console errors, page errors and every request it refuses (all but file:). */
async function watchedPage(browser: Browser, width = 1280) {
  const page = await browser.newPage({ viewport: { width, height: 900 } });
  const consoleErrors: string[] = [];
  const pageErrors: string[] = [];
  const refused: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') consoleErrors.push(message.text());
  });
  page.on('pageerror', (error) => pageErrors.push(error.message));
  await page.route(/^(?!file:)/, async (route) => {
    refused.push(route.request().url());
    await route.abort();
  });
  return { page, consoleErrors, pageErrors, refused };
}

describe.skipIf(SKIP)('report.html in headless Chromium', () => {
  const { records, suite } = loadFixture();
  let browser: Browser | undefined;
  let dir: string | undefined;
  let url: string;
  let watched: Awaited<ReturnType<typeof watchedPage>>;
  let page: Page;

  beforeAll(async () => {
    if (!existsSync(CHROMIUM_PATH)) {
      throw new Error(
        `${CHROMIUM_PATH} is missing: run tools/scripts/install-browser.sh (as root) to install Debian's chromium, ` +
          'or set SYNTHGRAD_SKIP_BROWSER_TESTS=1 to skip the browser tests',
      );
    }
    dir = await mkdtemp(join(tmpdir(), 'synthgrad-report-browser-'));
    url = pathToFileURL(await writeReport(dir, records, suite)).href;
    browser = await launchChromium();
    watched = await watchedPage(browser);
    page = watched.page;
    await page.goto(url, { waitUntil: 'load' });
  });

  afterAll(async () => {
    await browser?.close();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('loads with no console error and no page error', () => {
    expect(watched.consoleErrors).toEqual([]);
    expect(watched.pageErrors).toEqual([]);
  });

  it('requests nothing beyond its own file', () => {
    expect(watched.refused).toEqual([]);
  });

  it('shows one drawn SVG chart in each figure.chart, one per expected metric', async () => {
    const figures = await page.$$eval('figure.chart', (nodes) =>
      nodes.map((figure) => ({
        metric: figure.getAttribute('data-metric'),
        svgs: figure.querySelectorAll('svg').length,
        width: figure.querySelector('svg')?.getBoundingClientRect().width ?? 0,
        caption: figure.querySelector('figcaption')?.textContent ?? '',
      })),
    );
    expect(figures.map((f) => f.metric)).toEqual(FIXTURE_CHART_METRICS);
    for (const figure of figures) {
      expect(figure.svgs, figure.metric!).toBe(1);
      expect(figure.width, figure.metric!).toBeGreaterThan(300);
      expect(figure.caption, figure.metric!).toMatch(/mean over seeds/);
    }
  });

  it('has exactly one summary-table row per configuration', async () => {
    expect(await page.locator('#summary-table tbody tr').count()).toBe(suite.runs.length);
    expect(await page.locator('#summary-table tbody tr').first().getAttribute('data-label')).toBe('backprop');
  });

  it('fits a phone-width screen without sideways scrolling of the page', async () => {
    const narrow = await watchedPage(browser!, 390);
    await narrow.page.goto(url, { waitUntil: 'load' });
    // a string: this package compiles without the DOM library
    const overflow = await narrow.page.evaluate<number>('document.documentElement.scrollWidth - window.innerWidth');
    expect(overflow).toBeLessThanOrEqual(0);
    await narrow.page.close();
  });

  it('shows the settings column whole at 1400 px, every configuration\'s settings open, without sideways scrolling', async () => {
    const wide = await watchedPage(browser!, 1400);
    await wide.page.goto(url, { waitUntil: 'load' });
    const overflow = await wide.page.evaluate<number>(
      "document.querySelectorAll('details.config').forEach((d) => { d.open = true; });" +
        "(() => { const t = document.querySelector('#summary-table'); return t.scrollWidth - t.closest('.table-scroll').clientWidth; })()",
    );
    expect(overflow).toBeLessThanOrEqual(0);
    await wide.page.close();
  });

  it('refuses and reports a request to the network (the guard itself works)', async () => {
    const probe = await watchedPage(browser!);
    await probe.page.setContent('<img src="http://example.invalid/pixel.png">', { waitUntil: 'load' });
    expect(probe.refused).toEqual(['http://example.invalid/pixel.png']);
    await probe.page.close();
  });

  it('saves a full-page screenshot', async () => {
    await page.screenshot({ path: SCREENSHOT, fullPage: true });
    expect((await stat(SCREENSHOT)).size).toBeGreaterThan(50_000);
  });
});
