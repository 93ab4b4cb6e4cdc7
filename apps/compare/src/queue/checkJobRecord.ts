import { describeRecordProblem } from '../output/describeRecordProblem.js';
import type { RunRecord } from '../RunRecord.js';
import type { RunSpec } from '../run/RunSpec.js';
import { runJobId } from './runJobId.js';

/**
 * Why what a queue job returned is not the record of `spec`'s run (undefined when it is): it must
 * be a run record as results.jsonl holds them ({@link describeRecordProblem}), with numbers where the
 * summary reads numbers, and be this run's — the same label, seed and configuration (compared by
 * {@link runJobId}'s hash of everything that decides the run) — with no more epochs than it trains
 * and, when completed, at least one unless it trains none. A record that fails is never written.
 *
 * @example
 * ```ts
 * checkJobRecord({ ...record, seed: 99 }, spec); // 'it is the record of "cDNI" seed 99, not of "cDNI" seed 1'
 * ```
 */
export function checkJobRecord(value: unknown, spec: RunSpec): string | undefined {
  const problem = describeRecordProblem(value);
  if (problem) return problem;
  const record = value as RunRecord;
  if (typeof record.seconds !== 'number' || !(record.seconds >= 0)) return 'its "seconds" is not a number of seconds';
  if (typeof record.finishedAt !== 'string') return 'its "finishedAt" is not a time';
  for (const [i, epoch] of record.history.entries()) {
    const test = (epoch as { test?: unknown }).test;
    if (test === undefined) continue;
    if (typeof test !== 'object' || test === null || Object.values(test).some((v) => v !== undefined && typeof v !== 'number')) {
      return `its history[${i}].test is not a set of metrics`;
    }
  }
  if (record.label !== spec.label || record.seed !== spec.seed) {
    return `it is the record of ${JSON.stringify(record.label)} seed ${record.seed}, not of ${JSON.stringify(spec.label)} seed ${spec.seed}`;
  }
  const identity = { suite: record.suite, label: record.label, seed: record.seed, trainer: record.trainer, options: record.options, network: record.network, dataset: record.dataset, training: record.training, backend: record.backend, dtype: record.dtype };
  if (runJobId({ ...identity, index: spec.index, total: spec.total } as RunSpec, []) !== runJobId({ ...spec, resume: undefined }, [])) {
    return `its configuration (trainer, options, network, dataset, training or backend) is not that of ${JSON.stringify(spec.label)}`;
  }
  if (record.history.length > spec.training.epochs) return `it has ${record.history.length} epochs; the run trains ${spec.training.epochs}`;
  if (record.status === 'completed' && record.history.length === 0 && spec.training.epochs > 0) return 'it is completed with an empty history';
  return undefined;
}
