import { readFileSync } from 'node:fs';
import { Command, CommanderError, Option } from 'commander';
import { SuiteError } from '../suite/SuiteError.js';
import { capMessage } from './capMessage.js';
import { CliError } from './CliError.js';
import { processIo, type CliIo } from './CliIo.js';
import { terminalSafe } from './terminalSafe.js';
import type { CheckOptions } from './checkCommand.js';
import type { CompareOptions } from './compareCommand.js';
import type { ExportOnnxOptions } from './exportOnnxCommand.js';
import type { ListOptions } from './listCommand.js';
import type { PredictOptions } from './predictCommand.js';
import type { ReportOptions } from './reportCommand.js';
import type { WorkerOptions } from './workerCommand.js';

/** This package's version: `package.json` sits two levels above both `src/cli` and `dist/cli`. */
const version = (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;

const collect = (value: string, previous: string[] = []) => [...previous, value];

/** The `synthgrad` program. Actions store their exit code in `exit.code` and their name in `exit.command`. */
export function createProgram(io: CliIo, exit: { code: number; command?: string }): Command {
  const program = new Command('synthgrad')
    .description('Compare neural networks trained with back-propagation, synthetic gradients (DNI) and other backprop-free rules (feedback alignment, DFA).')
    .version(version, '-V, --version', 'print the version of @synthgrad/cli')
    .showHelpAfterError('(add --help for usage)')
    .addHelpText(
      'after',
      '\nPlugins run code: a suite\'s "plugins", --plugin, --resume folders and list --suite import JavaScript ' +
        'modules, which run with your permissions. Import only plugins you trust; `synthgrad check <suite> --no-plugins` ' +
        'checks a suite without importing any.',
    )
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.out(s.trimEnd()), writeErr: (s) => io.err(s.trimEnd()) });

  program
    .command('compare')
    .description('train every configuration of a suite with every seed, in parallel, and report')
    .argument('[suite]', 'a built-in suite name (see `synthgrad list`) or the path of a suite JSON file')
    .option('--seeds <n|list>', 'seeds to run: a count n (seeds 1..n) or a list such as 1,2,3 (default: the suite\'s)')
    .option('--epochs <n>', "epochs per run (default: the suite's)")
    .option('--size <name>', "a size the suite defines, e.g. quick (default: full, the suite as written)")
    .option('--quick', 'the suite\'s quick size: shorthand for --size quick')
    .option('--out <dir>', 'folder for results; each run goes to <dir>/<suite>/<timestamp>/', 'results')
    .option('--workers <n>', 'parallel worker threads (default: number of CPUs)')
    .option('--backend <name>', "tensor backend, e.g. cpu or mathjs (default: the suite's, else wasm where it loads, else cpu)")
    .option('--dtype <float64|float32>', "dtype of the backend's matrices: float32 halves the network's memory and runs every op in float32 on wasm (default: the suite's, else float64)")
    .option('--resume <folder>', 'finish an interrupted run folder: skip its finished runs, run the rest')
    .addOption(new Option('--plugin <path>', 'a module exporting an inversify ContainerModule (repeatable)').argParser(collect))
    .option('--quiet', 'no progress output')
    .option('--queue <redis-url>', 'run on a BullMQ queue on Redis (redis://[user:password@]host:port[/db]) served by `synthgrad worker`s, instead of local threads')
    .option('--baseline <label>', "the configuration the report compares every other against, seed by seed (default: the suite's \"baseline\", else one labelled or trained by backprop)")
    .option('--save-weights', "keep each run's final weights in <run folder>/weights/<configuration>/seed-<n>/ (manifest.json + .npy files; local workers only)")
    .addHelpText(
      'after',
      '\nExamples:\n  synthgrad compare seed\n  synthgrad compare paper-mnist --quick\n  synthgrad compare ./my-suite.json --seeds 5 --epochs 20\n' +
        '  synthgrad compare --resume results/seed/2026-11-26T04-30-00Z',
    )
    .action(async (suite: string | undefined, options: CompareOptions) => {
      // Commands load on demand: the library (and mathjs) takes seconds to load, `--help` should not wait.
      const { compareCommand } = await import('./compareCommand.js');
      exit.command = 'compare';
      exit.code = await compareCommand(suite, options, io);
    });

  program
    .command('check')
    .description('check a suite as compare would, without training or writing anything')
    .argument('<suite>', 'a built-in suite name or the path of a suite JSON file')
    .option('--no-plugins', 'import none of the plugins the suite names (no plugin code runs): check its schema only')
    .action(async (suite: string, options: CheckOptions) => {
      const { checkCommand } = await import('./checkCommand.js');
      exit.code = await checkCommand(suite, options, io);
    });

  program
    .command('worker')
    .description('train runs from a queue (see compare --queue) until SIGINT/SIGTERM, with the built-ins and the --plugin modules installed here')
    .option('--queue <redis-url>', 'the Redis of the queue: redis://[user:password@]host:port[/db] or rediss://…')
    .option('--concurrency <n>', 'runs trained at once, one thread each (default: number of CPUs)')
    .addOption(new Option('--plugin <path>', 'a plugin module jobs may use (repeatable); a job naming any other plugin fails').argParser(collect))
    .addOption(new Option('--data-dir <folder>', "a folder jobs' datasets may read from, e.g. an MNIST copy (repeatable); a job naming any other path fails").argParser(collect))
    .addOption(new Option('--lock-ms <ms>', 'job lock duration (a worker silent this long is presumed dead)').hideHelp())
    .addOption(new Option('--stalled-check-ms <ms>', 'how often dead workers\' jobs are looked for').hideHelp())
    .addHelpText('after', '\nExample:\n  synthgrad worker --queue redis://10.0.0.5:6379 --concurrency 2 --plugin ./my-input.js')
    .action(async (options: WorkerOptions) => {
      const { workerCommand } = await import('./workerCommand.js');
      exit.code = await workerCommand(options, io);
    });

  program
    .command('report')
    .description('rebuild summary.csv and report.html from run folders, merging several into one (trains nothing)')
    .argument('<folders...>', 'run folders made by synthgrad compare (each holds suite.json and results.jsonl)')
    .option('--out <dir>', 'write the report (and, for several folders, the merged suite.json and results.jsonl) here instead of the run folder')
    .option('--baseline <label>', "the configuration every other is compared against, seed by seed (default: the suite's \"baseline\", else one labelled or trained by backprop)")
    .addHelpText(
      'after',
      '\nExamples:\n  synthgrad report results/seed/2026-11-26T04-30-00Z\n' +
        '  synthgrad report results/seed/2026-11-26T04-30-00Z results/seed/2026-11-27T09-12-00Z --out results/seed/merged',
    )
    .action(async (folders: string[], options: ReportOptions) => {
      const { reportCommand } = await import('./reportCommand.js');
      exit.code = await reportCommand(folders, options, io);
    });

  program
    .command('predict')
    .description("predict with a saved model (a folder of compare --save-weights, or saveModel's): prints CSV, for classification with the class")
    .argument('<model-folder>', 'a folder holding manifest.json (with the model spec) and the .npy files')
    .argument('<inputs>', 'a .npy or .csv file, one row per example, as many columns as the model has inputs')
    .option('--out <file>', 'write the predictions to this .csv or .npy file instead of printing them')
    .addHelpText('after', '\nExample:\n  synthgrad predict results/seed/2026-11-26T04-30-00Z/weights/backprop/seed-1 inputs.csv --out predictions.csv')
    .action(async (modelFolder: string, inputs: string, options: PredictOptions) => {
      const { predictCommand } = await import('./predictCommand.js');
      exit.code = await predictCommand(modelFolder, inputs, options, io);
    });

  program
    .command('export-onnx')
    .description('write a saved dense network as an ONNX model (input "input", output "output"), to run it in onnxruntime and other runtimes')
    .argument('<model-folder>', 'a folder holding manifest.json (with the model spec) and the .npy files')
    .argument('<out>', 'the .onnx file to write')
    .option('--dtype <float32|float64>', "the graph's element type (default: the model's dtype; float32 runs everywhere)")
    .addHelpText('after', '\nExample:\n  synthgrad export-onnx results/seed/2026-11-26T04-30-00Z/weights/backprop/seed-1 model.onnx --dtype float32')
    .action(async (modelFolder: string, out: string, options: ExportOnnxOptions) => {
      const { exportOnnxCommand } = await import('./exportOnnxCommand.js');
      exit.code = await exportOnnxCommand(modelFolder, out, options, io);
    });

  program
    .command('list')
    .description('show the built-in suites, datasets, trainers, generator inputs and other plugins')
    .addOption(new Option('--plugin <path>', 'also load this plugin module (repeatable)').argParser(collect))
    .option('--suite <suite>', "also load this suite's plugins")
    .action(async (options: ListOptions) => {
      const { listCommand } = await import('./listCommand.js');
      exit.code = await listCommand(options, io);
    });

  return program;
}

/**
 * Runs the CLI on `argv` (without `node` and the script) and returns the exit code; expected errors
 * (a bad suite, a bad option, an unwritable folder) print their message only. Everything printed is
 * stripped of terminal control codes ({@link terminalSafe}).
 */
export async function runCli(argv: readonly string[], given: CliIo = processIo()): Promise<number> {
  // Labels, names and file contents reach the terminal without the control codes they may hold.
  const io: CliIo = { ...given, out: (text) => given.out(terminalSafe(text)), err: (text) => given.err(terminalSafe(text)) };
  const exit: { code: number; command?: string } = { code: 0 };
  const program = createProgram({ ...io, argv: io.argv ?? argv }, exit);
  try {
    if (argv.length === 0) {
      program.outputHelp();
      return 2;
    }
    await program.parseAsync([...argv], { from: 'user' });
    return exit.code;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? 0 : 2;
    if (error instanceof SuiteError || error instanceof CliError || (await isLibraryError(error))) {
      const message =
        error instanceof SuiteError ? error.describe(exit.command === 'compare' ? 'no run was started' : undefined) : (error as Error).message;
      io.err(`synthgrad: ${capMessage(message)}`);
      return error instanceof CliError ? error.exitCode : 2;
    }
    // A bug, not a bad input: the stack is for a bug report, shown on request.
    const detail = process.env.SYNTHGRAD_DEBUG ? ((error as Error).stack ?? String(error)) : `${String((error as Error)?.message ?? error)}\n(set SYNTHGRAD_DEBUG=1 to see the stack trace)`;
    io.err(`synthgrad: unexpected error: ${capMessage(detail)}`);
    return 1;
  }
}

/** A synthgrad library error (a bad configuration value) is a bad input, not a bug. Loaded late: see `compare`. */
async function isLibraryError(error: unknown): Promise<boolean> {
  if (!(error instanceof Error)) return false;
  const { SynthgradError } = await import('synthgrad');
  return error instanceof SynthgradError;
}
