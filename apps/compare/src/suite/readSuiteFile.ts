import { constants } from 'node:fs';
import { open } from 'node:fs/promises';
import { dirname, isAbsolute, resolve } from 'node:path';
import { formatZodIssues } from './formatZodIssues.js';
import { jsonPath } from './jsonPath.js';
import { SuiteError } from './SuiteError.js';
import { SuiteSchemaError } from './SuiteSchemaError.js';
import { MAX_SUITE_DEPTH, tooDeepPath } from './tooDeepPath.js';
import { suiteSchema, type Suite } from './suiteSchema.js';

/** The largest suite file read: far above any real suite (a sweep's space is expanded, not written out). */
export const MAX_SUITE_BYTES = 16 * 1024 * 1024;

/**
 * Reads and validates a suite file. Plugin paths come back absolute (they are written relative to
 * the suite file), so the suite can be copied elsewhere (`suite.json` of a run folder) and still load them;
 * so does the `arrays` dataset's folder (`options.baseDir`, set to the suite file's folder unless given).
 * Only a regular file of at most {@link MAX_SUITE_BYTES} is read (a FIFO or device is refused, never
 * waited on); with `inRunFolder`, a symbolic link is refused too (a run folder's `suite.json`).
 */
export async function readSuiteFile(file: string, { inRunFolder = false }: { readonly inRunFolder?: boolean } = {}): Promise<Suite> {
  let text: string;
  try {
    text = await readBounded(file, inRunFolder);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === 'ELOOP' ? 'it is a symbolic link; a run folder\'s suite.json must be a regular file' : (error as Error).message;
    throw new SuiteError(file, [`cannot read the file: ${why}`]);
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new SuiteError(file, [`not valid JSON: ${(error as Error).message}`]);
  }
  return parseSuite(data, file);
}

/**
 * Validates suite data against the schema; `source` names it in messages and anchors relative plugin paths.
 * A suite that does not match throws a {@link SuiteSchemaError} carrying the data.
 */
export function parseSuite(data: unknown, source: string): Suite {
  const deep = tooDeepPath(data);
  if (deep) {
    const at = jsonPath(deep);
    throw new SuiteError(source, [`${at.length > 120 ? `${at.slice(0, 117)}...` : at}: nested more than ${MAX_SUITE_DEPTH} levels deep; no suite needs that many`]);
  }
  const result = suiteSchema.safeParse(data);
  if (!result.success) throw new SuiteSchemaError(source, formatZodIssues(result.error.issues, data, suiteSchema), data, result.error.issues);
  const base = dirname(resolve(source));
  const suite = result.data.dataset.name === 'arrays' ? withArraysBaseDir(result.data, base) : result.data;
  if (suite.plugins === undefined) return suite;
  return { ...suite, plugins: suite.plugins.map((p) => (isAbsolute(p) ? p : resolve(base, p))) };
}

/** The `arrays` dataset reads files named relative to the suite file: its `baseDir` (default: that folder) made absolute. */
function withArraysBaseDir(suite: Suite, base: string): Suite {
  const options = suite.dataset.options ?? {};
  const baseDir = typeof options.baseDir === 'string' ? resolve(base, options.baseDir) : (options.baseDir ?? base);
  return { ...suite, dataset: { ...suite.dataset, options: { ...options, baseDir } } };
}

async function readBounded(file: string, noFollow: boolean): Promise<string> {
  const handle = await open(file, constants.O_RDONLY | constants.O_NONBLOCK | (noFollow ? constants.O_NOFOLLOW : 0));
  try {
    const stats = await handle.stat();
    if (!stats.isFile()) throw new Error('not a regular file (a FIFO, device or folder)');
    if (stats.size > MAX_SUITE_BYTES) throw new Error(`it holds ${stats.size} bytes; a suite file holds at most ${MAX_SUITE_BYTES}`);
    return await handle.readFile('utf8');
  } finally {
    await handle.close();
  }
}
