import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { buildPlayground, serveStatic } from './servePlayground.js';

const CHROMIUM = '/usr/bin/chromium';
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/** The built site on a plain loopback file server, and Debian's Chromium that refuses every request off it. */
export interface PlaygroundBrowser {
  readonly url: string;
  /** A new page; its console errors, page errors and dialogs land in `problems`, refused requests in `refused`. */
  open(hash?: string): Promise<Page>;
  readonly problems: string[];
  readonly refused: string[];
  close(): Promise<void>;
}

export async function launchPlayground(): Promise<PlaygroundBrowser> {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: run tools/scripts/install-browser.sh, or set SYNTHGRAD_SKIP_BROWSER_TESTS=1`);
  const dir = await mkdtemp(join(tmpdir(), 'synthgrad-playground-'));
  let server: Server | undefined;
  let browser: Browser | undefined;
  let url = '';
  try {
    await buildPlayground(dir);
    ({ server, url } = await serveStatic(dir));
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
  } catch (error) {
    server?.close();
    await rm(dir, { recursive: true, force: true });
    throw error;
  }
  const problems: string[] = [];
  const refused: string[] = [];
  const opened = browser;
  return {
    url,
    problems,
    refused,
    async open(hash = '') {
      const page = await opened.newPage({ viewport: { width: 1300, height: 1100 } });
      page.on('console', (message) => {
        if (message.type() === 'error') problems.push(`console: ${message.text()}`);
      });
      page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
      page.on('dialog', (dialog) => {
        problems.push(`dialog: ${dialog.message()}`);
        void dialog.dismiss();
      });
      await page.route(/.*/, async (route) => {
        const target = route.request().url();
        if (target.startsWith(url) || target.startsWith('blob:') || target.startsWith('data:')) return route.continue();
        refused.push(target);
        return route.abort();
      });
      await page.goto(url + hash, { waitUntil: 'load' });
      return page;
    },
    async close() {
      await opened.close();
      server!.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/** The selector of run `index`'s panel (0 is run 1). */
export const run = (index: number) => `.run[data-run="${index}"]`;

/** Run `index`'s status as its `<output>` states it. */
export const statusOf = (page: Page, index: number) =>
  page.$eval(`${run(index)} .status`, (el) => {
    const data = (el as HTMLElement).dataset;
    return { step: Number(data.step), running: data.running === 'true', ready: data.ready === 'true', accuracy: Number(data.accuracy) };
  });

/** Waits until `count` runs are built by their workers. */
export async function waitReady(page: Page, count: number): Promise<void> {
  await page.waitForFunction((n) => document.querySelectorAll('.run .status[data-ready="true"]').length === n, count, { timeout: 90_000 });
}

/**
 * Records every report run `index` shows, as [step, held-out accuracy], into `window.seen[index]`
 * (the run goes on while the test looks).
 */
export async function recordReports(page: Page, index: number): Promise<void> {
  await page.evaluate((selector) => {
    const el = document.querySelector(`${selector} .status`) as HTMLElement;
    const w = window as unknown as { seen: Record<string, [number, number][]> };
    w.seen ??= {};
    const seen: [number, number][] = (w.seen[selector] = []);
    new MutationObserver(() => seen.push([Number(el.dataset.step), Number(el.dataset.accuracy)])).observe(el, { attributes: true, attributeFilter: ['data-accuracy', 'data-step'] });
  }, run(index));
}

export const reportsOf = (page: Page, index: number) =>
  page.evaluate((selector) => (window as unknown as { seen: Record<string, [number, number][]> }).seen[selector], run(index));

/** Waits until run `index`'s held-out accuracy passes `threshold` or its step passes `bound`. */
export async function waitAccuracyOrStep(page: Page, index: number, threshold: number, bound: number, timeout = 150_000): Promise<void> {
  await page.waitForFunction(
    ([selector, t, b]) => {
      const data = (document.querySelector(`${selector} .status`) as HTMLElement).dataset;
      return Number(data.accuracy) > (t as number) || Number(data.step) > (b as number);
    },
    [run(index), threshold, bound] as const,
    { timeout, polling: 100 },
  );
}
