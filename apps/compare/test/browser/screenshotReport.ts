import { pathToFileURL } from 'node:url';
import { launchChromium } from './launchChromium.js';

export interface ScreenshotOptions {
  /** CSS pixels (default 1280). */
  readonly width?: number;
  /** Capture only the top this many CSS pixels; the whole page when absent. */
  readonly height?: number;
  /** Device pixel ratio (default 1). */
  readonly scale?: number;
}

/**
 * Opens a report file in headless Chromium, with every non-file request refused, and saves a PNG
 * of the whole page or of its top part. Development tooling, like {@link launchChromium}.
 *
 * @example
 * ```ts
 * await screenshotReport('results/seed/2026-11-26T04-30-00Z/report.html', 'docs/images/report.png', { height: 2000 });
 * ```
 */
export async function screenshotReport(htmlPath: string, pngPath: string, options: ScreenshotOptions = {}): Promise<void> {
  const { width = 1280, height, scale = 1 } = options;
  const browser = await launchChromium();
  try {
    const page = await browser.newPage({ viewport: { width, height: height ?? 900 }, deviceScaleFactor: scale });
    await page.route(/^(?!file:)/, (route) => route.abort());
    await page.goto(pathToFileURL(htmlPath).href, { waitUntil: 'load' });
    await page.screenshot({ path: pngPath, fullPage: height === undefined });
  } finally {
    await browser.close();
  }
}
