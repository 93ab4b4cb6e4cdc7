import { z } from 'zod';
import { layerSpecSchema, suiteSchema } from './suiteSchema.js';

/**
 * A layer as editors should see it: the zod schema checks each kind's options through the kind
 * itself (so a plugin's kind is accepted), which JSON Schema cannot express; this names the built-in
 * kinds' options and leaves other kinds open.
 */
const LAYER_JSON_SCHEMA = {
  description: 'A layer: `type` names its kind (default "dense"); each kind checks its own options.',
  properties: {
    type: { type: 'string', minLength: 1, description: '"dense" (default), "dropout", or a kind a plugin binds' },
    units: { type: 'integer', exclusiveMinimum: 0, description: 'dense: output width' },
    activation: { type: 'string', minLength: 1, description: 'dense: an activation name or a mathjs formula of x' },
    batchNorm: { type: 'boolean', description: 'dense: batch normalisation before the activation' },
    bias: { type: 'boolean', description: 'dense: a bias vector (default true)' },
    rate: { type: 'number', minimum: 0, exclusiveMaximum: 1, description: 'dropout: the fraction of units dropped in training' },
  },
  if: { not: { required: ['type'] } },
  then: { required: ['units'] },
} as const;

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
  const generated = z.toJSONSchema(suiteSchema, {
    io: 'input',
    unrepresentable: 'any',
    override: ({ zodSchema, jsonSchema }) => {
      if (zodSchema === (layerSpecSchema as unknown)) Object.assign(jsonSchema, LAYER_JSON_SCHEMA);
    },
  }) as Record<string, unknown> & {
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
