/**
 * A suite cannot run: every problem found, each naming where it is. Thrown before any training starts.
 */
export class SuiteError extends Error {
  override name = 'SuiteError';
  constructor(
    /** What was being checked: the suite file, or the suite's name. */
    readonly source: string,
    readonly problems: readonly string[],
  ) {
    super(
      `${source}: ${problems.length === 1 ? 'a problem' : `${problems.length} problems`}; no run was started\n` +
        problems.map((p) => `  - ${p}`).join('\n'),
    );
  }
}
