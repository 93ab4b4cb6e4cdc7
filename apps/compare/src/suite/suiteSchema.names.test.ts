import { describe, expect, it } from 'vitest';
import { formatZodIssues } from './formatZodIssues.js';
import { suiteSchema } from './suiteSchema.js';

const problems = (data: unknown) => {
  const result = suiteSchema.safeParse(data);
  return result.success ? [] : formatZodIssues(result.error.issues, data, suiteSchema);
};

const suite = {
  name: 'names',
  dataset: { name: 'binary-addition' },
  network: { layers: [{ units: 4 }] },
  training: { epochs: 1, batchSize: 10 },
  seeds: [1],
  runs: [
    { label: 'backprop', trainer: 'backprop', tags: { method: 'backprop', layers: 1 } },
    { label: 'DNI', trainer: 'dni', tags: { method: 'DNI', layers: 1 } },
  ],
};

describe('the suite schema suggests near names', () => {
  it('for a baseline that is no label', () => {
    expect(problems({ ...suite, baseline: 'bakprop' })).toEqual([
      'baseline: no configuration is labelled "bakprop" (labels: "backprop", "DNI"; did you mean "backprop"?), got "bakprop"',
    ]);
    expect(problems({ ...suite, baseline: 'feedback' })).toEqual([
      'baseline: no configuration is labelled "feedback" (labels: "backprop", "DNI"), got "feedback"',
    ]);
  });

  it("for a table's tag that no configuration has", () => {
    expect(problems({ ...suite, table: { rows: 'methods', columns: 'layers' } })).toEqual([
      'table.rows: no configuration has the tag "methods" (tags used: "method", "layers"; did you mean "method"?), got "methods"',
    ]);
  });
});
