import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

/** Debian's Chromium, installed by `tools/scripts/install-browser.sh`. */
export const CHROMIUM_PATH = '/usr/bin/chromium';

/**
 * Flags of a headless Chromium that starts on a closed network: without the background-networking
 * ones it keeps trying (and failing) to reach Google's services.
 */
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/**
 * Launches Debian's Chromium through playwright-core (with a fresh temporary profile). Development
 * tooling only (the browser test and the screenshot script), so not exported from the report's index.
 *
 * @example
 * ```ts
 * const browser = await launchChromium();
 * try { await (await browser.newPage()).goto(pathToFileURL('report.html').href); } finally { await browser.close(); }
 * ```
 */
export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(`${CHROMIUM_PATH} not found: run tools/scripts/install-browser.sh (as root) to install Debian's chromium`);
  }
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
}
