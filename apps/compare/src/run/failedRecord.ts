import type { EpochRecord } from 'synthgrad';
import type { RunRecord } from '../RunRecord.js';
import type { RunSpec } from './RunSpec.js';
import { runRecord } from './runRecord.js';

/**
 * The record of a run whose worker threw, died or failed its queue attempts before returning one;
 * `history` is what its progress messages told of the epochs it finished (a run out of memory at
 * epoch N keeps epochs 1 to N − 1).
 */
export function failedRecord(spec: RunSpec, error: unknown, history: readonly EpochRecord[] = []): RunRecord {
  return runRecord(spec, {
    status: 'failed',
    reason: error instanceof Error ? error.message : String(error),
    history: [...history],
    seconds: 0,
  });
}
