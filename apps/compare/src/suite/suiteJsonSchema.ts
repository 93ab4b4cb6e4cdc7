import { z } from 'zod';
import { suiteSchema } from './suiteSchema.js';

/** Where the schema ships: `schema/suite.schema.json` in @synthgrad/cli. */
export const SUITE_JSON_SCHEMA_FILE = 'schema/suite.schema.json';

/**
 * The JSON Schema (2020-12) of a suite file, generated from the zod schema the command checks
 * suites with, for editors: a suite that names it in `"$schema"` gets completion and checking as it
 * is written. It describes the input form (defaults optional); what a schema cannot say (unique
 * labels, a table's tags, names of plugins) is still checked by `synthgrad check`.
 *
 * @example
 * ```ts
 * const schema = suiteJsonSchema();
 * schema.properties.runs; // { type: 'array', minItems: 1, items: { … } }
 * ```
 */
export function suiteJsonSchema(): Record<string, unknown> & { properties: Record<string, unknown> } {
  const generated = z.toJSONSchema(suiteSchema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown> & {
    properties: Record<string, unknown>;
  };
  const { $schema, ...rest } = generated;
  return {
    $schema,
    title: 'synthgrad suite',
    description: 'A comparison suite for `synthgrad compare`: a dataset, a network, training settings, seeds and the configurations to train.',
    ...rest,
  };
}
