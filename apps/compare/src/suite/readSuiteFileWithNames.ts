import { dirname, isAbsolute, resolve } from 'node:path';
import { createSuiteContainer } from '../plugins/createSuiteContainer.js';
import { checkSuite } from './checkSuite.js';
import { containerForCheck } from './containerForCheck.js';
import { expandSweep } from './expandSweep.js';
import { parseSuite, readSuiteFile } from './readSuiteFile.js';
import { repairSuiteData } from './repairSuiteData.js';
import { SuiteError } from './SuiteError.js';
import { suiteNameProblems } from './suiteNameProblems.js';
import { SuiteSchemaError } from './SuiteSchemaError.js';
import type { Suite } from './suiteSchema.js';

/**
 * {@link readSuiteFile}, and when the suite fails its schema, every other problem of it in the same
 * round: the suite without the parts the schema refused ({@link repairSuiteData}) is checked as
 * `check` checks a valid one ({@link checkSuite}: names, options, shapes); when what is left is not a
 * suite either, its unknown plugin names are reported ({@link suiteNameProblems}). `plugins: false`
 * (`check --no-plugins`) imports nothing: a suite that lists plugins then gets its schema problems
 * only, as does a suite whose plugins do not load. `extraPlugins` (absolute paths, `compare --plugin`)
 * are loaded with the suite's.
 *
 * @example
 * ```ts
 * await readSuiteFileWithNames('suites/mine.json', { plugins: true });
 * // SuiteError: suites/mine.json: 2 problems
 * //   - runs[0].traning: unknown key "traning"; expected only "label", …; did you mean "training"?
 * //   - runs[1].trainer (configuration "DNI"): unknown trainer "dnii"; known: …; did you mean "dni"?
 * ```
 */
export async function readSuiteFileWithNames(
  file: string,
  options: {
    readonly plugins: boolean;
    readonly extraPlugins?: readonly string[];
    /** Told the plugins' paths before they are imported (`announcePlugins`). */
    readonly announce?: (plugins: readonly string[]) => void;
  },
): Promise<Suite> {
  try {
    return await readSuiteFile(file);
  } catch (error) {
    if (!(error instanceof SuiteSchemaError)) throw error;
    const listed = (error.data as { plugins?: unknown } | null)?.plugins;
    const named = Array.isArray(listed) ? listed.filter((p): p is string => typeof p === 'string' && p !== '') : [];
    const plugins = [...named.map((p) => (isAbsolute(p) ? p : resolve(dirname(resolve(file)), p))), ...(options.extraPlugins ?? [])];
    if (plugins.length && !options.plugins) throw error;
    options.announce?.(plugins);
    const rest = await otherProblems(error, plugins);
    if (!rest.length) throw error;
    throw new SuiteError(error.source, [...new Set([...error.problems, ...rest])]);
  }
}

/** The problems besides the schema's: of the repaired suite when it is one, else the unknown names. */
async function otherProblems(error: SuiteSchemaError, plugins: readonly string[]): Promise<string[]> {
  const repaired = repairedSuite(error);
  if (repaired) {
    const problems: string[] = [];
    const container = await containerForCheck(plugins, repaired.backend, repaired.dtype, problems).catch(() => undefined);
    if (!container) return problems;
    try {
      await checkSuite(expandSweep(repaired), container, error.source);
    } catch (inner) {
      if (!(inner instanceof SuiteError)) return problems;
      problems.push(...inner.problems);
    }
    return problems;
  }
  const container = await createSuiteContainer(plugins).catch(() => undefined);
  return container ? suiteNameProblems(error.data, container) : [];
}

function repairedSuite(error: SuiteSchemaError): Suite | undefined {
  const data = repairSuiteData(error.data, error.issues);
  if (data === undefined) return undefined;
  try {
    return parseSuite(data, error.source);
  } catch {
    return undefined;
  }
}
