import type { RunRecord } from '../RunRecord.js';
import type { RunSpec } from './RunSpec.js';
import { runRecord } from './runRecord.js';

/** The record of a run whose worker threw, died or failed its queue attempts before returning one. */
export function failedRecord(spec: RunSpec, error: unknown): RunRecord {
  return runRecord(spec, {
    status: 'failed',
    reason: error instanceof Error ? error.message : String(error),
    history: [],
    seconds: 0,
  });
}
