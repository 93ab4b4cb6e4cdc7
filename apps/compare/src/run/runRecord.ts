import type { RunRecord } from '../RunRecord.js';
import type { RunSpec } from './RunSpec.js';

/** The results.jsonl record of `spec` with how it ended; stamped with the time it finished. */
export function runRecord(spec: RunSpec, outcome: Pick<RunRecord, 'status' | 'reason' | 'history' | 'seconds' | 'stopped'>): RunRecord {
  const { index: _index, total: _total, resume: _resume, ...identity } = spec;
  return { ...identity, ...outcome, finishedAt: new Date().toISOString() };
}
