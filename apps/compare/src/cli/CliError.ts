/** A mistake in how the command was called or where it should write: printed without a stack trace. */
export class CliError extends Error {
  override name = 'CliError';
  constructor(
    message: string,
    /** Process exit code (2 = usage or configuration). */
    readonly exitCode = 2,
  ) {
    super(message);
  }
}
