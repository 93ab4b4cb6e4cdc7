/** A value in {@link WeightsJSON} data: a finite number, or one of the strings JSON has no number for. */
export type WeightsJSONValue = number | 'NaN' | 'Infinity' | '-Infinity';

/**
 * Named matrices as plain JSON, row-major. JSON has no NaN or ±Infinity, so those are written as
 * the strings `"NaN"`, `"Infinity"` and `"-Infinity"` (as Python's `json` module and numpy read
 * them back with `float(...)`).
 *
 * @example
 * ```json
 * { "format": "synthgrad-weights", "version": 1,
 *   "parameters": { "weights": { "rows": 2, "cols": 1, "data": [0.5, -1] } } }
 * ```
 */
export interface WeightsJSON {
  format: 'synthgrad-weights';
  version: 1;
  parameters: Record<string, { rows: number; cols: number; data: WeightsJSONValue[] }>;
}
