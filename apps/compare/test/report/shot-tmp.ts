import { pathToFileURL } from 'node:url';
import { launchChromium } from '../../src/report/launchChromium.js';
const [html, selector, out, width] = process.argv.slice(2);
const browser = await launchChromium();
const page = await browser.newPage({ viewport: { width: Number(width ?? 1280), height: 900 }, deviceScaleFactor: 1.5 });
await page.goto(pathToFileURL(html).href);
await page.locator(selector).first().screenshot({ path: out });
await browser.close();
