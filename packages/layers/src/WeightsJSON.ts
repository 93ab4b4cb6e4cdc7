/**
 * Named matrices as plain JSON, row-major.
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
  parameters: Record<string, { rows: number; cols: number; data: number[] }>;
}
