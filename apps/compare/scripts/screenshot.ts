// Saves a PNG of a report.html, as seen by headless Chromium (Debian's; see tools/scripts/install-browser.sh):
//   cd apps/compare && npx tsx scripts/screenshot.ts <report.html> <out.png> [--width 1280] [--height 2400] [--scale 1]
// Without --height the whole page is captured.
import { parseArgs } from 'node:util';
import { screenshotReport } from '../test/browser/screenshotReport.js';

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: { width: { type: 'string' }, height: { type: 'string' }, scale: { type: 'string' } },
});
const [html, png] = positionals;
if (html === undefined || png === undefined) {
  console.error('usage: tsx scripts/screenshot.ts <report.html> <out.png> [--width px] [--height px] [--scale ratio]');
  process.exit(2);
}
const number = (name: string, text: string | undefined) => {
  if (text === undefined) return undefined;
  const value = Number(text);
  if (!(value > 0)) throw new Error(`--${name}: expected a positive number, got "${text}"`);
  return value;
};
await screenshotReport(html, png, {
  width: number('width', values.width),
  height: number('height', values.height),
  scale: number('scale', values.scale),
});
console.log(`wrote ${png}`);
