import { existsSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { availableParallelism } from 'node:os';
import { latestRecords } from '../output/latestRecords.js';
import { recordMismatches } from '../output/recordMismatches.js';
import { createRunFolder } from '../output/createRunFolder.js';
import { formatPaperTable } from '../output/formatPaperTable.js';
import { formatSummaryTable } from '../output/formatSummaryTable.js';
import { collectProvenance } from '../output/collectProvenance.js';
import { formatSweepTable } from '../output/formatSweepTable.js';
import type { Provenance } from '../output/Provenance.js';
import { ResultsLog } from '../output/ResultsLog.js';
import { RunFolderLock } from '../output/RunFolderLock.js';
import { summarize } from '../output/summarize.js';
import { writeReportIfAvailable } from '../output/writeReportIfAvailable.js';
import { writeSummaryCsv } from '../output/writeSummaryCsv.js';
import { announcePlugins } from '../plugins/announcePlugins.js';
import { BarProgress } from '../progress/BarProgress.js';
import { LineProgress } from '../progress/LineProgress.js';
import type { ProgressReporter } from '../progress/ProgressReporter.js';
import { QuietProgress } from '../progress/QuietProgress.js';
import { paperTable } from '../report/paperTable.js';
import type { RunRecord } from '../RunRecord.js';
import type { RunSpec } from '../run/RunSpec.js';
import { runSuite, type RunSuiteOptions } from '../run/runSuite.js';
import { parseRedisUrl } from '../queue/redisUrl.js';
import { applyOverrides } from '../suite/applyOverrides.js';
import { applySize } from '../suite/applySize.js';
import { expandSweep } from '../suite/expandSweep.js';
import { halvingRungs, resumeSurvivors, survivors } from '../run/successiveHalving.js';
import { checkLabels } from '../suite/checkLabels.js';
import { checkSuite } from '../suite/checkSuite.js';
import { containerForCheck } from '../suite/containerForCheck.js';
import { expandRuns, runKey } from '../suite/expandRuns.js';
import { findSuiteFile } from '../suite/findSuiteFile.js';
import { readSuiteFile } from '../suite/readSuiteFile.js';
import { readSuiteFileWithNames } from '../suite/readSuiteFileWithNames.js';
import type { Suite } from '../suite/suiteSchema.js';
import { CliError } from './CliError.js';
import { CliLimits } from './CliLimits.js';
import type { CliIo } from './CliIo.js';
import { parseCount } from './parseCount.js';
import { parseSeeds } from './parseSeeds.js';
import { resumeCommand } from './resumeCommand.js';

export interface CompareOptions {
  readonly seeds?: string;
  readonly epochs?: string;
  /** A size the suite defines (`--size`); `--quick` is `--size quick`. */
  readonly size?: string;
  readonly quick?: boolean;
  readonly out: string;
  readonly workers?: string;
  readonly backend?: string;
  readonly dtype?: string;
  readonly resume?: string;
  readonly plugin?: readonly string[];
  readonly quiet?: boolean;
  /** A Redis URL: run on the BullMQ queue instead of local threads. */
  readonly queue?: string;
  readonly saveWeights?: boolean;
  /** The configuration the report's paired differences are against. */
  readonly baseline?: string;
}

/** Exit code of a suite stopped by Ctrl-C (128 + SIGINT), SIGTERM or SIGHUP. */
const INTERRUPTED = 130;

/** Signals that stop a suite as Ctrl-C does: what finished is kept, the summary and the resume command are printed. */
const STOP_SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

/**
 * `synthgrad compare`: validates the suite (schema, then every name against the container), creates
 * the run folder, trains the runs on a worker pool, then writes summary.csv and report.html and
 * prints the ranked table. Returns the exit code: 0, 1 when a run failed, 130 when interrupted.
 */
export async function compareCommand(suiteArgument: string | undefined, options: CompareOptions, io: CliIo): Promise<number> {
  const locks: RunFolderLock[] = [];
  try {
    return await compareLocked(suiteArgument, options, io, locks);
  } finally {
    for (const lock of locks) await lock.release();
  }
}

/** {@link compareCommand}, holding the run folder's lock (pushed onto `locks`) from before its first read or write. */
async function compareLocked(suiteArgument: string | undefined, options: CompareOptions, io: CliIo, locks: RunFolderLock[]): Promise<number> {
  if (options.out.trim() === '') throw new CliError('--out: expected a folder for results, got an empty string');
  const target = options.queue === undefined ? undefined : parseRedisUrl('--queue', options.queue);
  if (target && options.saveWeights) throw new CliError('--save-weights keeps weights written by local workers; it cannot be combined with --queue');
  if (target && options.workers !== undefined) throw new CliError('--workers sets local threads; with --queue, start `synthgrad worker --concurrency n` instead');
  const workers = options.workers === undefined ? availableParallelism() : parseCount('--workers', options.workers, 1, CliLimits.workers);
  const { suite, folder, source } = options.resume
    ? await resumeFolder(suiteArgument, options, io)
    : await newFolderLater(suiteArgument, options, io);
  const chosenBaseline = options.baseline ?? suite.baseline;
  if (chosenBaseline !== undefined && !suite.runs.some((run) => run.label === chosenBaseline)) {
    const flag = options.baseline !== undefined ? '--baseline' : 'the suite\'s "baseline"';
    throw new CliError(`${flag} ${chosenBaseline}: no configuration has that label (labels: ${suite.runs.map((run) => `"${run.label}"`).join(', ')})`);
  }
  announcePlugins(suite.plugins ?? [], io);
  // BullMQ and ioredis load only for --queue.
  const queue = target ? await import('../queue/runSuiteOnQueue.js') : undefined;
  if (target) await (await import('../queue/checkRedis.js')).checkRedis(target);
  const earlier: string[] = [];
  const container = await containerForCheck(suite.plugins ?? [], suite.backend, suite.dtype, earlier);
  await checkSuite(suite, container, source, { workers: target ? 1 : workers, warn: (line) => io.err(line), earlier });
  const runFolder = folder ?? (await createRunFolder(resolve(io.cwd, options.out), suite));
  locks.push(await RunFolderLock.acquire(runFolder));
  const log = new ResultsLog(join(runFolder, 'results.jsonl'));
  const repaired = await log.touch().catch((error: Error) => {
    throw new CliError(`cannot write "${log.file}": ${error.message}`);
  });
  if (repaired) io.err(repaired);

  const provenance = await collectProvenance({
    command: io.argv ?? [],
    suiteFile: join(runFolder, 'suite.json'),
    cwd: io.cwd,
    workers: target ? 'queue' : 'threads',
  });
  const weightsFolder = options.saveWeights ? join(runFolder, 'weights') : undefined;
  const onQueue: QueueExecutor | undefined =
    target && queue ? (execution) => queue.runSuiteOnQueue({ ...execution, target }) : undefined;
  const resumeLine = `${resumeCommand()} ${quote(runFolder)}${resumeFlags(options, target)}`;
  const resumeHint = () => `To run the rest once that is fixed:\n  ${resumeLine}`;
  const writes: WriteFailure = {};
  const stopOnWriteError = async () => {
    if (!writes.error) return;
    const kept = latestRecords(await log.read().catch(() => []), suite).length;
    throw new CliError(`cannot write "${log.file}": ${writes.error.message}. Stopped; the ${kept} runs recorded before are kept. ${resumeHint()}`);
  };
  const mismatches = recordMismatches(asRecordedAtFullLength(await log.read(), suite), expandRuns(suite));
  if (mismatches.length) {
    throw new CliError(
      `${join(runFolder, 'suite.json')} no longer matches the runs recorded in results.jsonl (${mismatches.slice(0, 3).join('; ')}` +
        `${mismatches.length > 3 ? `; and ${mismatches.length - 3} more` : ''}). Restore suite.json as it was, or start a new run folder.`,
    );
  }
  let going = new Set(suite.runs.map((run) => run.label));
  const plugins = suite.plugins ?? [];
  const train = { plugins, workers, options, io, log, writes, provenance, ...(onQueue ? { onQueue } : {}), ...(weightsFolder ? { weightsFolder } : {}) };
  // Local workers keep each rung's trainer states, so survivors go on from them; queue workers retrain from the start.
  const halvingFolder = halvingRungs(suite).length > 0 && !onQueue ? join(runFolder, 'halving') : undefined;
  const survivorsGoOn = (runs: RunSpec[], records: RunRecord[]) => (halvingFolder ? resumeSurvivors(runs, records, halvingFolder) : runs);
  for (const epochs of halvingRungs(suite)) {
    const rung = expandRuns(restrictTo(suite, going, epochs));
    const records = await log.read();
    const pendingRung = survivorsGoOn(unfinished(rung, records), records);
    if (!options.quiet) io.err(`Successive halving: ${going.size} configurations to epoch ${epochs}, ${pendingRung.length} runs to do`);
    const { interrupted } = await trainPending(pendingRung, rung, { ...train, weightsFolder: halvingFolder, resumeFolder: halvingFolder });
    await stopOnWriteError();
    if (interrupted) {
      io.err(`\nInterrupted at the halving rung of epoch ${epochs}. To go on:\n  ${resumeLine}`);
      return INTERRUPTED;
    }
    going = survivors(suite, latestRecords(await log.read(), suite), epochs, going);
  }
  const all = expandRuns(restrictTo(suite, going));
  const recorded = await log.read();
  const pending = survivorsGoOn(unfinished(all, recorded), recorded);
  const alreadyDone = all.length - pending.length;
  if (!options.quiet) io.err(
    `Suite "${suite.name}"${suite.size ? ` (size ${suite.size.name}${suite.size.description ? `: ${suite.size.description}` : ''})` : ''}: ${plural(going.size, 'configuration')} × ${plural(suite.seeds.length, 'seed')} = ${plural(all.length, 'run')}, ` +
      `${target ? `queue ${target.display}` : `${plural(Math.min(workers, Math.max(pending.length, 1)), 'worker')}`}, backend ${all[0].backend}${all[0].dtype === 'float32' ? ' (float32)' : ''}\n` +
      `Results: ${runFolder}` +
      (alreadyDone ? `\nResuming: ${alreadyDone} of ${all.length} runs already finished, ${pending.length} to do` : ''),
  );
  const { interrupted } = await trainPending(pending, all, { ...train, resumeFolder: halvingFolder });
  await stopOnWriteError();

  const records = latestRecords(await log.read(), suite);
  const baseline = options.baseline === undefined ? {} : { baseline: options.baseline };
  const summaries = summarize(records, suite, baseline);
  await writeSummaryCsv(runFolder, summaries).catch((error: Error) => {
    throw new CliError(`cannot write summary.csv in "${runFolder}": ${error.message}. All ${records.length} runs are kept in results.jsonl. ${resumeHint()}`);
  });
  const report = await writeReportIfAvailable(runFolder, records, suite, io.err, baseline);
  io.out(`\n${formatSummaryTable(summaries, io.columns)}\n`);
  const sweep = formatSweepTable(records, suite);
  if (sweep) io.out(`${sweep}\n`);
  const table = paperTable(records, suite);
  if (table) io.out(`${formatPaperTable(table)}\n`);
  io.out(`${records.length} of ${suite.runs.length * suite.seeds.length} runs recorded in ${join(runFolder, 'results.jsonl')}`);
  io.out(`Summary: ${join(runFolder, 'summary.csv')}`);
  if (report) io.out(`Report: ${report}`);
  if (interrupted) {
    io.err(`\nInterrupted after ${records.length} of ${all.length} runs. To run the rest:\n  ${resumeLine}`);
    return INTERRUPTED;
  }
  const failed = records.filter((r) => r.status === 'failed');
  if (failed.length) {
    io.err(`\n${failed.length} run(s) failed; ${resumeLine} retries them.`);
    return 1;
  }
  return 0;
}

/** Trains `pending` (of `all`) on the pool with progress; Ctrl-C stops it, keeping what finished. */
/** Trains on the BullMQ queue instead of local threads (`--queue`). */
type QueueExecutor = (execution: Omit<RunSuiteOptions, 'workers'>) => Promise<{ interrupted: boolean }>;

/** The first error writing results.jsonl (disk full, folder gone): it stops the suite. */
interface WriteFailure {
  error?: Error;
}

interface TrainSettings {
  readonly plugins: readonly string[];
  readonly workers: number;
  readonly options: CompareOptions;
  readonly io: CliIo;
  readonly log: ResultsLog;
  readonly writes: WriteFailure;
  readonly provenance: Provenance;
  readonly onQueue?: QueueExecutor;
  readonly weightsFolder?: string | undefined;
  readonly resumeFolder?: string | undefined;
}

/** Trains `pending` (of `all`, for the progress display) locally or on the queue; Ctrl-C or a failed write stops it. */
async function trainPending(pending: RunSpec[], all: RunSpec[], settings: TrainSettings): Promise<{ interrupted: boolean }> {
  const { plugins, workers, options, io, log, writes, provenance, onQueue, weightsFolder, resumeFolder } = settings;
  const progress = createProgress(options, io, all, pending, all.length - pending.length);
  const controller = new AbortController();
  const onSigint = () => {
    if (controller.signal.aborted) process.exit(INTERRUPTED);
    progress.log('Interrupted: stopping the workers (Ctrl-C again to quit at once)…');
    controller.abort();
  };
  for (const signal of STOP_SIGNALS) process.on(signal, onSigint);
  const save = async (record: RunRecord) => {
    try {
      await log.append({ ...record, provenance });
    } catch (error) {
      // What was written stays; the rest waits for --resume.
      writes.error ??= error as Error;
      controller.abort();
    }
  };
  try {
    const execution = { runs: pending, plugins, progress, save, signal: controller.signal };
    const { interrupted } = await (onQueue ? onQueue(execution) : runSuite({ ...execution, workers, ...(weightsFolder ? { weightsFolder } : {}), ...(resumeFolder ? { resumeFolder } : {}) }));
    return { interrupted: interrupted && writes.error === undefined };
  } finally {
    progress.stop();
    for (const signal of STOP_SIGNALS) process.off(signal, onSigint);
  }
}

/**
 * Records of a successive-halving rung trained fewer epochs than the configuration: compare them as
 * if at full length, so `--resume` does not take a rung for an edited suite.json.
 */
function asRecordedAtFullLength(records: readonly RunRecord[], suite: Suite): RunRecord[] {
  const rungs = new Set(halvingRungs(suite));
  if (rungs.size === 0) return [...records];
  const full = new Map(expandRuns(suite).map((run) => [runKey(run), run.training.epochs]));
  return records.map((record) => {
    const epochs = full.get(runKey(record));
    return epochs !== undefined && rungs.has(record.training.epochs) ? { ...record, training: { ...record.training, epochs } } : record;
  });
}

/** The suite's configurations in `labels` only; with `epochs`, each trains at most that many (a halving rung). */
function restrictTo(suite: Suite, labels: ReadonlySet<string>, epochs?: number): Suite {
  const cap = (value: number) => (epochs === undefined ? value : Math.min(value, epochs));
  return {
    ...suite,
    training: { ...suite.training, epochs: cap(suite.training.epochs) },
    runs: suite.runs
      .filter((run) => labels.has(run.label))
      .map((run) => (epochs === undefined || run.training?.epochs === undefined ? run : { ...run, training: { ...run.training, epochs: cap(run.training.epochs) } })),
  };
}

/**
 * The runs with no finished record of at least their epochs: never recorded, failed, or completed
 * with fewer epochs (a setting stopped at an earlier halving rung). A diverged run would diverge
 * again; a run its `stopWhen` stopped is finished.
 */
function unfinished(runs: readonly RunSpec[], records: readonly RunRecord[]): RunSpec[] {
  const latest = new Map<string, RunRecord>();
  for (const record of records) latest.set(runKey(record), record);
  return runs.filter((run) => {
    const record = latest.get(runKey(run));
    if (!record || record.status === 'failed') return true;
    return record.status === 'completed' && record.stopped === undefined && record.history.length < run.training.epochs;
  });
}

/** A fresh suite: the folder is created only after the suite is checked. */
async function newFolderLater(
  suiteArgument: string | undefined,
  options: CompareOptions,
  io: CliIo,
): Promise<{ suite: Suite; folder: undefined; source: string }> {
  if (suiteArgument === undefined) throw new CliError('compare: name a suite (see `synthgrad list`) or a suite file, or give --resume <folder>');
  const file = await findSuiteFile(suiteArgument, io.cwd);
  const source = relative(io.cwd, file) || file;
  const plugins = (options.plugin ?? []).map((p) => resolve(io.cwd, p));
  const read = await readSuiteFileWithNames(file, { plugins: true, extraPlugins: plugins, announce: (p) => announcePlugins(p, io) });
  const suite = expandSweep(applyOverrides(applySize(read, chosenSize(options)), {
    ...(options.seeds !== undefined ? { seeds: parseSeeds(options.seeds) } : {}),
    ...(options.epochs !== undefined ? { epochs: parseCount('--epochs', options.epochs, 1, CliLimits.epochs) } : {}),
    ...(options.backend !== undefined ? { backend: options.backend } : {}),
    ...(options.dtype !== undefined ? { dtype: parseDType(options.dtype) } : {}),
    plugins,
  }), source);
  checkLabels(suite, source);
  return { suite, folder: undefined, source };
}

/** `--resume <folder>`: the suite exactly as recorded in its suite.json. */
async function resumeFolder(
  suiteArgument: string | undefined,
  options: CompareOptions,
  io: CliIo,
): Promise<{ suite: Suite; folder: string; source: string }> {
  const folder = resolve(io.cwd, options.resume!);
  const changes = [
    options.seeds !== undefined && '--seeds',
    options.epochs !== undefined && '--epochs',
    options.size !== undefined && '--size',
    options.quick && '--quick',
    options.backend !== undefined && '--backend',
    options.dtype !== undefined && '--dtype',
    (options.plugin ?? []).length > 0 && '--plugin',
  ].filter(Boolean);
  if (changes.length) {
    throw new CliError(`--resume runs the suite recorded in ${join(folder, 'suite.json')}; ${changes.join(', ')} cannot change it`);
  }
  const file = join(folder, 'suite.json');
  if (!existsSync(file)) throw new CliError(`--resume ${options.resume}: "${file}" does not exist; give a run folder made by synthgrad compare`);
  const suite = await readSuiteFile(file, { inRunFolder: true });
  if (suiteArgument !== undefined && suiteArgument !== suite.name) {
    throw new CliError(`--resume ${options.resume} holds suite "${suite.name}", not "${suiteArgument}"`);
  }
  return { suite, folder, source: file };
}

/** `--size <name>` or `--quick`; both only when they agree. */
function chosenSize(options: CompareOptions): string | undefined {
  if (options.quick && options.size !== undefined && options.size !== 'quick') {
    throw new CliError(`--quick means --size quick; it cannot be combined with --size ${options.size}`);
  }
  return options.quick ? 'quick' : options.size;
}

function createProgress(options: CompareOptions, io: CliIo, all: RunSpec[], pending: RunSpec[], done: number): ProgressReporter {
  if (options.quiet) return new QuietProgress(io.err);
  if (io.isTTY) return new BarProgress(all.length, done, pending);
  return new LineProgress(all.length, done, io.err);
}

/** The options `--resume` does not take from suite.json, as given: the resume command repeats them. */
function resumeFlags(options: CompareOptions, target: { readonly display: string } | undefined): string {
  return [
    target ? ` --queue ${target.display}` : '',
    options.workers !== undefined ? ` --workers ${quote(options.workers)}` : '',
    options.saveWeights ? ' --save-weights' : '',
    options.quiet ? ' --quiet' : '',
  ].join('');
}

function quote(path: string): string {
  return /^[\w./-]+$/.test(path) ? path : `"${path.replace(/"/g, '\\"')}"`;
}

function parseDType(value: string): 'float64' | 'float32' {
  if (value === 'float64' || value === 'float32') return value;
  throw new CliError(`--dtype ${value}: must be float64 or float32`);
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
