import type { RunRecord } from '../RunRecord.js';
import { canonicalJson } from './canonicalJson.js';
import type { RunSpec } from '../run/RunSpec.js';
import { runKey } from '../suite/expandRuns.js';

const FIELDS = ['trainer', 'options', 'network', 'dataset', 'training', 'backend', 'dtype'] as const;
/** What a field absent from a record (written before it existed) means. */
const DEFAULTS: Partial<Record<(typeof FIELDS)[number], unknown>> = { dtype: 'float64' };

/**
 * Records that the suite would no longer produce: same configuration and seed, but another trainer,
 * options, network, dataset, training settings, backend or dtype (a suite.json edited after they
 * were recorded; a record without a dtype is float64). One line each, naming the configuration, the seed and the fields that differ.
 */
export function recordMismatches(records: readonly RunRecord[], runs: readonly RunSpec[]): string[] {
  const specs = new Map(runs.map((run) => [runKey(run), run]));
  return records.flatMap((record) => {
    const spec = specs.get(runKey(record));
    if (!spec) return [];
    const differ = FIELDS.filter(
      (field) => canonicalJson(record[field] ?? DEFAULTS[field]) !== canonicalJson(spec[field] ?? DEFAULTS[field]),
    );
    return differ.length ? [`"${record.label}" seed ${record.seed}: ${differ.join(', ')} differ`] : [];
  });
}

