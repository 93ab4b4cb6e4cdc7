import { CliError } from './CliError.js';

/**
 * `--seeds`: a count `n` (seeds 1..n) or a comma-separated list (`1,5,9`).
 *
 * @example
 * ```ts
 * parseSeeds('3');     // [1, 2, 3]
 * parseSeeds('7,11');  // [7, 11]
 * ```
 */
export function parseSeeds(text: string): number[] {
  const parts = text.split(',').map((p) => p.trim());
  const numbers = parts.map(Number);
  const valid = parts.every((p, i) => p !== '' && Number.isSafeInteger(numbers[i]) && numbers[i] >= 0);
  if (!valid || (parts.length === 1 && numbers[0] < 1)) {
    throw new CliError(`--seeds: expected a count such as 3 or a list such as 1,2,3 (integers ≥ 0), got "${text}"`);
  }
  if (parts.length === 1) return Array.from({ length: numbers[0] }, (_, i) => i + 1);
  if (new Set(numbers).size !== numbers.length) throw new CliError(`--seeds: "${text}" lists a seed twice`);
  return numbers;
}
