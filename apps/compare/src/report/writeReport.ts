import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { RunRecord, Suite } from '../RunRecord.js';
import { renderReport, type RenderReportOptions } from './renderReport.js';

/**
 * Renders the report and writes it to `<outDir>/report.html` (creating `outDir`); returns that path.
 *
 * @example
 * ```ts
 * const path = await writeReport('results/seed/2026-11-26T04-30-00Z', records, suite);
 * ```
 */
export async function writeReport(
  outDir: string,
  records: readonly RunRecord[],
  suite: Suite,
  options: RenderReportOptions = {},
): Promise<string> {
  const path = join(outDir, 'report.html');
  await mkdir(outDir, { recursive: true });
  await writeFile(path, await renderReport(records, suite, options));
  return path;
}
