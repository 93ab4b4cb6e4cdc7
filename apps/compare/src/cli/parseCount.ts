import { CliError } from './CliError.js';

/** An integer option ≥ `min`, e.g. `--epochs 20`; anything else fails naming the option. */
export function parseCount(option: string, text: string, min: number): number {
  const value = Number(text);
  if (text.trim() === '' || !Number.isSafeInteger(value) || value < min) {
    throw new CliError(`${option}: expected an integer ≥ ${min}, got "${text}"`);
  }
  return value;
}
