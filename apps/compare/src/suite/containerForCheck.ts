import type { Container } from 'inversify';
import { createSuiteContainer } from '../plugins/createSuiteContainer.js';
import { SuiteError } from './SuiteError.js';

/**
 * The suite's container ({@link createSuiteContainer}) for checking it. An unknown backend is one more
 * problem (pushed onto `problems` as `backend: …`), not the end of the check: the rest is checked on
 * the default backend, so the report names it with everything else. Other failures (a plugin that
 * does not load, a dtype the backend lacks) throw as before.
 *
 * @example
 * ```ts
 * const problems: string[] = [];
 * const container = await containerForCheck([], 'wsam', undefined, problems);
 * problems; // ['backend: unknown tensor backend "wsam"; known: "cpu", "mathjs", "wasm"; did you mean "wasm"?']
 * ```
 */
export async function containerForCheck(
  plugins: readonly string[],
  backend: string | undefined,
  dtype: 'float64' | 'float32' | undefined,
  problems: string[],
): Promise<Container> {
  try {
    return await createSuiteContainer(plugins, backend, dtype);
  } catch (error) {
    if (!(error instanceof SuiteError) || backend === undefined || error.source !== `backend "${backend}"`) throw error;
    problems.push(...error.problems.map((problem) => `backend: ${problem}`));
    return createSuiteContainer(plugins, undefined, dtype);
  }
}
