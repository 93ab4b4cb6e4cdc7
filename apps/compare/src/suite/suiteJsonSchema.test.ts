import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SUITE_JSON_SCHEMA_FILE, suiteJsonSchema } from './suiteJsonSchema.js';

const file = new URL(`../../${SUITE_JSON_SCHEMA_FILE}`, import.meta.url);
const text = `${JSON.stringify(suiteJsonSchema(), null, 2)}\n`;
// UPDATE_SUITE_SCHEMA=1 npx vitest run src/suite/suiteJsonSchema.test.ts rewrites the shipped file.
if (process.env.UPDATE_SUITE_SCHEMA === '1') writeFileSync(file, text);

describe('suiteJsonSchema', () => {
  it('is the schema shipped in schema/suite.schema.json (regenerate it after changing suiteSchema)', () => {
    expect(readFileSync(file, 'utf8'), 'run UPDATE_SUITE_SCHEMA=1 npx vitest run src/suite/suiteJsonSchema.test.ts').toBe(text);
  });

  it('says what the suite schema says of its fields', () => {
    const schema = suiteJsonSchema() as { properties: Record<string, { type?: string; enum?: string[]; minItems?: number; pattern?: string }>; required: string[]; additionalProperties: boolean };
    expect(schema.required).toEqual(expect.arrayContaining(['name', 'dataset', 'network', 'training', 'seeds', 'runs']));
    expect(schema.required).not.toContain('description');
    expect(schema.additionalProperties).toBe(false);
    expect(schema.properties.dtype.enum).toEqual(['float64', 'float32']);
    expect(schema.properties.runs).toMatchObject({ type: 'array', minItems: 1 });
    expect(schema.properties.name.pattern).toBe('^[a-z0-9]+(-[a-z0-9]+)*$');
    expect(schema.properties.$schema).toEqual({ type: 'string' });
  });
});

describe('suiteJsonSchema against the built-in suites', () => {
  const schema = suiteJsonSchema() as { properties: Record<string, unknown>; required: string[] };
  const suitesDir = new URL('../../suites/', import.meta.url);
  const suites = readdirSync(suitesDir).filter((name) => name.endsWith('.json'));

  it('names every top-level field they use, and they hold every field it requires', () => {
    expect(suites.length).toBeGreaterThan(0);
    for (const name of suites) {
      const suite = JSON.parse(readFileSync(new URL(name, suitesDir), 'utf8')) as Record<string, unknown>;
      expect(Object.keys(suite).filter((key) => !(key in schema.properties)), name).toEqual([]);
      expect(schema.required.filter((key) => !(key in suite)), name).toEqual([]);
    }
  });
});
