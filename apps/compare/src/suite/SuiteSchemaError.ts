import type { z } from 'zod';
import { SuiteError } from './SuiteError.js';

/**
 * A suite that does not match the schema: its problems, and the data as parsed from JSON, so that
 * a caller with a container can add the problems of the rest of it to the same report (`readSuiteFileWithNames`).
 */
export class SuiteSchemaError extends SuiteError {
  override name = 'SuiteSchemaError';
  constructor(
    source: string,
    problems: readonly string[],
    /** The suite's JSON, unvalidated. */
    readonly data: unknown,
    /** The schema's issues, which `formatZodIssues` made `problems` of. */
    readonly issues: readonly z.core.$ZodIssue[] = [],
  ) {
    super(source, problems);
  }
}
