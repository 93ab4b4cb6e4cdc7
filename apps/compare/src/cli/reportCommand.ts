import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { formatPaperTable } from '../output/formatPaperTable.js';
import { formatSummaryTable } from '../output/formatSummaryTable.js';
import { formatSweepTable } from '../output/formatSweepTable.js';
import { latestRecords } from '../output/latestRecords.js';
import { mergeRunFolders, type RunFolder } from '../output/mergeRunFolders.js';
import { ResultsLog } from '../output/ResultsLog.js';
import { writeFileAtomically } from '../output/writeFileAtomically.js';
import { summarize } from '../output/summarize.js';
import { writeReportIfAvailable } from '../output/writeReportIfAvailable.js';
import { writeSummaryCsv } from '../output/writeSummaryCsv.js';
import { paperTable } from '../report/paperTable.js';
import { readSuiteFile } from '../suite/readSuiteFile.js';
import type { Suite } from '../suite/suiteSchema.js';
import { CliError } from './CliError.js';
import type { CliIo } from './CliIo.js';

export interface ReportOptions {
  /** Where a merged report goes (required for several folders). */
  readonly out?: string;
  /** The configuration the paired differences are against. */
  readonly baseline?: string;
}

/**
 * `synthgrad report <folder…>`: rebuilds summary.csv and report.html from a run folder's suite.json
 * and results.jsonl (in that folder, or in `--out`); several folders are merged into one report in
 * `--out`, which also gets the merged suite.json and results.jsonl (so `synthgrad report <out>`
 * rebuilds it again). Trains nothing. Returns the exit code.
 */
export async function reportCommand(folders: readonly string[], options: ReportOptions, io: CliIo): Promise<number> {
  if (folders.length === 0) throw new CliError('report: name a run folder (made by synthgrad compare), or several to merge with --out <folder>');
  if (folders.length > 1 && options.out === undefined) {
    throw new CliError(`report: merging ${folders.length} folders needs --out <folder> for the merged report (the folders themselves are not changed)`);
  }
  const read = await Promise.all(folders.map((folder) => readRunFolder(resolve(io.cwd, folder), folder)));
  const { suite, records } = read.length === 1 ? { suite: read[0].suite, records: [...read[0].records] } : mergeRunFolders(read);
  const chosenBaseline = options.baseline ?? suite.baseline;
  if (chosenBaseline !== undefined && !suite.runs.some((run) => run.label === chosenBaseline)) {
    const flag = options.baseline !== undefined ? '--baseline' : 'the suite\'s "baseline"';
    throw new CliError(`${flag} ${chosenBaseline}: no configuration has that label (labels: ${suite.runs.map((run) => `"${run.label}"`).join(', ')})`);
  }
  const out = options.out === undefined ? resolve(io.cwd, folders[0]) : resolve(io.cwd, options.out);
  if (options.out !== undefined) await writeMergedFolder(out, suite, records, folders.map((folder) => resolve(io.cwd, folder)));
  const baseline = options.baseline === undefined ? {} : { baseline: options.baseline };
  const summaries = summarize(records, suite, baseline);
  const csv = await writeSummaryCsv(out, summaries).catch((error: Error) => {
    throw new CliError(`cannot write summary.csv in "${out}": ${error.message}`);
  });
  const report = await writeReportIfAvailable(out, records, suite, io.err, baseline);
  io.out(`${formatSummaryTable(summaries, io.columns)}\n`);
  const sweep = formatSweepTable(records, suite);
  if (sweep) io.out(`${sweep}\n`);
  const table = paperTable(records, suite);
  if (table) io.out(`${formatPaperTable(table)}\n`);
  io.out(`${records.length} run records from ${folders.length === 1 ? '1 folder' : `${folders.length} folders`}`);
  io.out(`Summary: ${csv}`);
  if (report) io.out(`Report: ${report}`);
  return 0;
}

/** A folder's suite.json and the latest record of each run in its results.jsonl. */
async function readRunFolder(folder: string, given: string): Promise<RunFolder> {
  const suiteFile = join(folder, 'suite.json');
  const results = join(folder, 'results.jsonl');
  if (!existsSync(suiteFile) || !existsSync(results)) {
    throw new CliError(`report: "${given}" is not a run folder: it needs suite.json and results.jsonl, as synthgrad compare writes them`);
  }
  const suite = await readSuiteFile(suiteFile, { inRunFolder: true });
  return { folder: given, suite, records: latestRecords(await new ResultsLog(results).read(), suite) };
}

/** The merged suite.json and results.jsonl in `out`; a folder that already holds results is left alone. */
async function writeMergedFolder(out: string, suite: Suite, records: readonly unknown[], sources: readonly string[]): Promise<void> {
  const sameAsSource = sources.length === 1 && sources[0] === out;
  if (sameAsSource) return;
  if (existsSync(join(out, 'results.jsonl'))) {
    throw new CliError(`--out ${out}: that folder already holds results.jsonl; give a new folder for the merged report`);
  }
  try {
    await mkdir(out, { recursive: true });
    await writeFileAtomically(join(out, 'suite.json'), `${JSON.stringify(suite, null, 2)}\n`);
    await writeFileAtomically(join(out, 'results.jsonl'), records.map((record) => `${JSON.stringify(record)}\n`).join(''));
  } catch (error) {
    throw new CliError(`cannot write the merged folder "${out}": ${(error as Error).message}`);
  }
}
