import { lstat, mkdtemp, rename, rm } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { CliError } from '../cli/CliError.js';
import type { RunRecord, Suite } from '../RunRecord.js';

/** The report module's entry point (apps/compare/src/report/index.ts). */
type WriteReport = (outDir: string, records: RunRecord[], suite: Suite, options?: { baseline?: string }) => Promise<string>;

// A variable specifier keeps the compiler from requiring the module: the report is built alongside this app.
const REPORT_MODULE = '../report/index.js';

/**
 * Writes `report.html` through the report module and returns its path; `undefined` with a warning
 * when the report cannot be rendered (the results and summary are already on disk by then). The
 * report is written into a temporary folder beside it and renamed into place, so a full disk leaves
 * no partial report.html; failing to write it (an I/O error) throws a {@link CliError}, for a non-zero exit.
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
  const target = join(folder, 'report.html');
  const existing = await lstat(target).catch(() => undefined);
  if (existing && !existing.isFile()) {
    throw new CliError(`"${target}" is ${existing.isSymbolicLink() ? 'a symbolic link' : 'not a regular file'}; synthgrad writes only regular files in a run folder: remove it and give --resume again`);
  }
  let temporary: string | undefined;
  try {
    temporary = await mkdtemp(join(folder, '.report-'));
    const written = await writeReport(temporary, records, suite, options.baseline === undefined ? {} : { baseline: options.baseline });
    await rename(written, join(folder, basename(written)));
    return join(folder, basename(written));
  } catch (error) {
    const { code, message } = error as NodeJS.ErrnoException;
    if (typeof code === 'string' && /^E[A-Z]+$/.test(code)) {
      throw new CliError(`cannot write report.html in "${folder}": ${message}. The runs are kept in results.jsonl and summary.csv is written; free space and give --resume to write the report again`);
    }
    warn(`report.html not written: ${message}`);
    return undefined;
  } finally {
    if (temporary !== undefined) await rm(temporary, { recursive: true, force: true }).catch(() => {});
  }
}
