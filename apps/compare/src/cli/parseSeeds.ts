import { CliError } from './CliError.js';
import { CliLimits } from './CliLimits.js';

/**
 * `--seeds`: a count `n` (seeds 1..n) or a comma-separated list (`1,5,9`), in decimal digits; at
 * most {@link CliLimits.seeds} seeds, each at most {@link CliLimits.seed}.
 *
 * @example
 * ```ts
 * parseSeeds('3');     // [1, 2, 3]
 * parseSeeds('7,11');  // [7, 11]
 * ```
 */
export function parseSeeds(text: string): number[] {
  const parts = text.split(',').map((p) => p.trim());
  const numbers = parts.map((p) => (/^\d+$/.test(p) ? Number(p) : Number.NaN));
  const valid = numbers.every((n) => Number.isSafeInteger(n));
  if (!valid || (parts.length === 1 && numbers[0] < 1)) {
    throw new CliError(`--seeds: expected a count such as 3 or a list such as 1,2,3 (integers ≥ 0), got ${JSON.stringify(text)}`);
  }
  const count = parts.length === 1 ? numbers[0] : parts.length;
  if (count > CliLimits.seeds) {
    throw new CliError(`--seeds: at most ${CliLimits.seeds} seeds per configuration, got ${count}`);
  }
  const tooLarge = parts.length > 1 && numbers.find((n) => n > CliLimits.seed);
  if (tooLarge) throw new CliError(`--seeds: a seed is at most ${CliLimits.seed}, got ${tooLarge}`);
  if (parts.length === 1) return Array.from({ length: numbers[0] }, (_, i) => i + 1);
  if (new Set(numbers).size !== numbers.length) throw new CliError(`--seeds: "${text}" lists a seed twice`);
  return numbers;
}
