import { CliError } from './CliError.js';

/**
 * An integer option from `min` to `max` written in plain decimal digits, e.g. `--epochs 20`;
 * anything else (`0x2`, `1e3`, `2.0`, an empty string) fails naming the option.
 */
export function parseCount(option: string, text: string, min: number, max = Number.MAX_SAFE_INTEGER): number {
  const value = /^\s*\d+\s*$/.test(text) ? Number(text) : Number.NaN;
  if (!Number.isSafeInteger(value) || value < min || value > max) {
    const range = max === Number.MAX_SAFE_INTEGER ? `≥ ${min}` : `from ${min} to ${max}`;
    throw new CliError(`${option}: expected an integer ${range} in decimal digits, got ${JSON.stringify(text)}`);
  }
  return value;
}
