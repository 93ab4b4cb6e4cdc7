/**
 * A suite (or a plugin, or a backend) cannot be used: every problem found, each naming where it is.
 * Thrown before any training starts; `compare` adds "no run was started" when it reports one.
 */
export class SuiteError extends Error {
  override name = 'SuiteError';
  constructor(
    /** What was being checked: the suite file, or the suite's name. */
    readonly source: string,
    readonly problems: readonly string[],
  ) {
    super(
      `${source}: ${problems.length === 1 ? 'a problem' : `${problems.length} problems`}\n` + problems.map((p) => `  - ${p}`).join('\n'),
    );
  }

  /** The message with what the error meant for the command, e.g. "no run was started", after the count. */
  describe(consequence?: string): string {
    if (!consequence) return this.message;
    const [first, ...rest] = this.message.split('\n');
    return [`${first}; ${consequence}`, ...rest].join('\n');
  }
}
