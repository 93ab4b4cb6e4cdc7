import { relative } from 'node:path';
import { announcePlugins } from '../plugins/announcePlugins.js';
import { checkSuite } from '../suite/checkSuite.js';
import { checkLabels } from '../suite/checkLabels.js';
import { containerForCheck } from '../suite/containerForCheck.js';
import { expandRuns } from '../suite/expandRuns.js';
import { expandSweep } from '../suite/expandSweep.js';
import { findSuiteFile } from '../suite/findSuiteFile.js';
import { readSuiteFileWithNames } from '../suite/readSuiteFileWithNames.js';
import type { CliIo } from './CliIo.js';

export interface CheckOptions {
  /** `--no-plugins` sets it false: import nothing the suite names. */
  readonly plugins: boolean;
}

/**
 * `synthgrad check <suite>`: every check `compare` makes before training, without training or
 * writing anything. With `--no-plugins` the suite's plugins are named but not imported (no code of
 * theirs runs); then a suite that has plugins is checked against its schema only.
 */
export async function checkCommand(suiteArgument: string, options: CheckOptions, io: CliIo): Promise<number> {
  const file = await findSuiteFile(suiteArgument, io.cwd);
  const source = relative(io.cwd, file) || file;
  // As compare runs it: a sweep's grid expanded into its settings. A schema problem comes with the unknown names.
  const suite = expandSweep(await readSuiteFileWithNames(file, { plugins: options.plugins, announce: (p) => announcePlugins(p, io) }), source);
  checkLabels(suite, source);
  const plugins = suite.plugins ?? [];
  const runs = expandRuns(suite).length;
  if (plugins.length && !options.plugins) {
    io.out(
      `${source}: the schema is valid (${count(suite.runs.length, 'configuration')} × ${count(suite.seeds.length, 'seed')} = ${count(runs, 'run')}). ` +
        `Not imported (--no-plugins): ${plugins.join(', ')}; names and options were not checked, as plugins may define them.`,
    );
    return 0;
  }
  announcePlugins(plugins, io);
  const earlier: string[] = [];
  await checkSuite(suite, await containerForCheck(plugins, suite.backend, suite.dtype, earlier), source, { earlier });
  io.out(`${source}: ready to run (${count(suite.runs.length, 'configuration')} × ${count(suite.seeds.length, 'seed')} = ${count(runs, 'run')})`);
  return 0;
}

function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}
