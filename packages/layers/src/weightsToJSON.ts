import type { Matrix } from '@synthgrad/tensor';
import { FormatError } from './FormatError.js';
import type { Parameter } from './Parameter.js';
import type { WeightsJSON, WeightsJSONValue } from './WeightsJSON.js';

/**
 * Parameters (by their names) or named matrices as {@link WeightsJSON}, ready for `JSON.stringify`.
 * Two parameters with one name fail, since loading could not tell them apart. NaN and ±Infinity
 * become the strings `"NaN"`, `"Infinity"`, `"-Infinity"`, which {@link loadWeightsJSON} reads back.
 *
 * @example
 * ```ts
 * writeFileSync('generator.json', JSON.stringify(weightsToJSON(generator.parameters())));
 * ```
 */
export function weightsToJSON(parameters: readonly Parameter[] | Record<string, Matrix>): WeightsJSON {
  const entries: [string, Matrix][] = Array.isArray(parameters)
    ? (parameters as readonly Parameter[]).map((p) => [p.name, p.value])
    : Object.entries(parameters as Record<string, Matrix>);
  const result: WeightsJSON = { format: 'synthgrad-weights', version: 1, parameters: {} };
  for (const [name, m] of entries) {
    if (Object.hasOwn(result.parameters, name)) {
      throw new FormatError(`weightsToJSON: two parameters are named "${name}"`);
    }
    result.parameters[name] = { rows: m.rows, cols: m.cols, data: Array.from(m.data, toJSONValue) };
  }
  return result;
}

function toJSONValue(v: number): WeightsJSONValue {
  if (Number.isFinite(v)) return v;
  return Number.isNaN(v) ? 'NaN' : v > 0 ? 'Infinity' : '-Infinity';
}
