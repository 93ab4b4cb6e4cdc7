import type { Matrix } from '@synthgrad/tensor';
import { FormatError } from './FormatError.js';

/**
 * Copies the matrices of a {@link WeightsJSON} (parsed or not yet checked) into `into`, in place.
 * Everything is checked before anything is written: the format and version, the same set of names
 * on both sides, each shape (the message names the key and both shapes) and each value (a number,
 * or `"NaN"`, `"Infinity"`, `"-Infinity"` as {@link weightsToJSON} writes them).
 *
 * @example
 * ```ts
 * const into = Object.fromEntries(generator.parameters().map((p) => [p.name, p.value]));
 * loadWeightsJSON(JSON.parse(readFileSync('generator.json', 'utf8')), into);
 * ```
 */
export function loadWeightsJSON(json: unknown, into: Record<string, Matrix>): void {
  const fail = (message: string): never => {
    throw new FormatError(`loadWeightsJSON: ${message}`);
  };
  if (!isRecord(json)) return fail(`expected an object, got ${describe(json)}`);
  if (json.format !== 'synthgrad-weights') {
    fail(`format is ${JSON.stringify(json.format)}, expected "synthgrad-weights"`);
  }
  if (json.version !== 1) fail(`version ${JSON.stringify(json.version)} is not supported (expected 1)`);
  const stored = json.parameters;
  if (!isRecord(stored)) return fail(`"parameters" must be an object, got ${describe(stored)}`);

  const missing = Object.keys(into).filter((name) => !Object.hasOwn(stored, name));
  if (missing.length) fail(`missing ${list(missing)} (the file has ${list(Object.keys(stored))})`);
  const unexpected = Object.keys(stored).filter((name) => !Object.hasOwn(into, name));
  if (unexpected.length) fail(`unexpected ${list(unexpected)} (the model has ${list(Object.keys(into))})`);

  for (const [name, target] of Object.entries(into)) {
    const entry = stored[name];
    if (!isRecord(entry)) return fail(`"${name}" must be an object with rows, cols and data, got ${describe(entry)}`);
    const { rows, cols, data } = entry;
    if (!Number.isInteger(rows) || !Number.isInteger(cols) || (rows as number) < 0 || (cols as number) < 0) {
      fail(`"${name}" has rows ${JSON.stringify(rows)} and cols ${JSON.stringify(cols)}; expected non-negative integers`);
    }
    if (rows !== target.rows || cols !== target.cols) {
      fail(`"${name}" is ${rows}×${cols} in the file but ${target.shape} in the model`);
    }
    if (!Array.isArray(data) || data.length !== target.size) {
      fail(`"${name}" needs ${target.size} values in data, got ${Array.isArray(data) ? data.length : describe(data)}`);
    }
    const bad = (data as unknown[]).findIndex((v) => typeof v !== 'number' && !Object.hasOwn(nonFinite, v as string));
    if (bad >= 0) {
      fail(`"${name}".data[${bad}] is ${describe((data as unknown[])[bad])}, not a number nor "NaN", "Infinity", "-Infinity"`);
    }
  }
  for (const [name, target] of Object.entries(into)) {
    const data = (stored[name] as { data: (number | string)[] }).data;
    for (let i = 0; i < data.length; i++) {
      const v = data[i];
      target.data[i] = typeof v === 'number' ? v : nonFinite[v];
    }
  }
}

const nonFinite: Record<string, number> = { NaN: Number.NaN, Infinity: Infinity, '-Infinity': -Infinity };

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function describe(value: unknown): string {
  return value === null ? 'null' : Array.isArray(value) ? 'an array' : `${typeof value} ${JSON.stringify(value)}`;
}

function list(names: readonly string[]): string {
  return names.length ? names.map((n) => `"${n}"`).join(', ') : '(none)';
}
