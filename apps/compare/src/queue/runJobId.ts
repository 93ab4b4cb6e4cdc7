import { createHash } from 'node:crypto';
import type { RunSpec } from '../run/RunSpec.js';

/**
 * The queue's job id of one run: a hash of everything that decides its outcome (suite, configuration,
 * seed, network, dataset, training, backend, dtype, plugins), so submitting the same suite twice finds
 * the jobs already there instead of adding new ones. Its place in the suite (`index`, `total`) is left
 * out, and so is the default dtype (float64), so ids made before dtypes existed stay the same.
 */
export function runJobId(spec: RunSpec, plugins: readonly string[]): string {
  const { index: _index, total: _total, dtype, ...rest } = spec;
  const identity = dtype === undefined || dtype === 'float64' ? rest : { ...rest, dtype };
  return `run-${createHash('sha256').update(canonicalJson({ identity, plugins })).digest('hex').slice(0, 40)}`;
}

/** JSON with object keys sorted at every level, so equal values give equal text. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}
