import type { RunRecord, Suite } from '../RunRecord.js';

/** The report module's entry point (apps/compare/src/report/index.ts). */
type WriteReport = (outDir: string, records: RunRecord[], suite: Suite, options?: { baseline?: string }) => Promise<string>;

// A variable specifier keeps the compiler from requiring the module: the report is built alongside this app.
const REPORT_MODULE = '../report/index.js';

/**
 * Writes `report.html` through the report module and returns its path; `undefined` with a warning
 * when the report cannot be written (the results and summary are already on disk by then).
 */
export async function writeReportIfAvailable(
  folder: string,
  records: RunRecord[],
  suite: Suite,
  warn: (message: string) => void,
  options: { readonly baseline?: string } = {},
): Promise<string | undefined> {
  let writeReport: WriteReport | undefined;
  try {
    writeReport = ((await import(REPORT_MODULE)) as { writeReport?: WriteReport }).writeReport;
  } catch (error) {
    warn(`report.html not written: the report module did not load (${(error as Error).message})`);
    return undefined;
  }
  if (typeof writeReport !== 'function') {
    warn('report.html not written: the report module exports no writeReport');
    return undefined;
  }
  try {
    return await writeReport(folder, records, suite, options.baseline === undefined ? {} : { baseline: options.baseline });
  } catch (error) {
    warn(`report.html not written: ${(error as Error).message}`);
    return undefined;
  }
}
