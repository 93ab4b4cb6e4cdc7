import { existsSync, statSync } from 'node:fs';
import { isAbsolute, join, resolve } from 'node:path';
import { didYouMean } from 'synthgrad';
import { CliError } from '../cli/CliError.js';
import { builtInSuitesDir } from './builtInSuitesDir.js';
import { listBuiltInSuites } from './listBuiltInSuites.js';

/**
 * The file a suite argument means: a path to a JSON file (relative to `cwd`), else the name of a
 * built-in suite (`seed` → `suites/seed.json`). Anything else fails listing the built-in names.
 */
export async function findSuiteFile(argument: string, cwd = process.cwd()): Promise<string> {
  const asPath = isAbsolute(argument) ? argument : resolve(cwd, argument);
  if (existsSync(asPath) && statSync(asPath).isFile()) return asPath;
  if (existsSync(asPath) && statSync(asPath).isDirectory()) {
    const hint = existsSync(join(asPath, 'suite.json')) ? `; to finish that run folder, give --resume ${argument}` : '';
    throw new CliError(`suite "${asPath}" is a folder, not a suite file${hint}`);
  }
  if (existsSync(asPath)) throw new CliError(`suite "${asPath}" is not a regular file (a FIFO, device or socket); give the path of a suite JSON file`);
  const looksLikePath = argument.endsWith('.json') || argument.includes('/') || argument.includes('\\');
  if (!looksLikePath) {
    const builtIn = join(builtInSuitesDir, `${argument}.json`);
    if (existsSync(builtIn)) return builtIn;
  }
  const builtIns = (await listBuiltInSuites()).map((s) => s.name);
  const names = builtIns.map((name) => `"${name}"`).join(', ') + didYouMean(argument, builtIns);
  throw new CliError(
    looksLikePath
      ? `suite file "${asPath}" does not exist`
      : `unknown suite "${argument}": no built-in suite has that name and no such file exists; built-in suites: ${names}`,
  );
}
