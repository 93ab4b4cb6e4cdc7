import { terminalSafe } from '../cli/terminalSafe.js';
import type { EvaluationMetrics } from 'synthgrad';
import type { RunRecord } from '../RunRecord.js';
import type { RunSpec } from '../run/RunSpec.js';

/** `[3/21] cDNI (labels) seed 2` */
export function runName(spec: RunSpec): string {
  return `[${spec.index + 1}/${spec.total}] ${terminalSafe(spec.label, { oneLine: true })} seed ${spec.seed}`;
}

/** `test exact 0.012 bit 0.551`, or `test accuracy 0.912` for classification. */
export function formatMetrics(test: EvaluationMetrics | undefined): string {
  if (test === undefined) return '';
  if (test.accuracy !== undefined) return `test accuracy ${test.accuracy.toFixed(3)}`;
  return `test exact ${(test.exactAccuracy ?? NaN).toFixed(3)} bit ${(test.bitAccuracy ?? NaN).toFixed(3)}`;
}

/** How a run ended, in one line: `completed in 12.3 s: test exact 0.912 bit 0.993`. */
export function describeOutcome(record: RunRecord): string {
  const last = record.history[record.history.length - 1];
  const seconds = `${record.seconds.toFixed(1)} s`;
  switch (record.status) {
    case 'completed':
      return `completed in ${seconds}: ${formatMetrics(last?.test)}`;
    case 'diverged':
      return `DIVERGED after ${record.history.length} epochs (${terminalSafe(record.reason ?? 'no reason given', { oneLine: true })})`;
    case 'failed':
      return `FAILED: ${terminalSafe(record.reason ?? 'no reason given', { oneLine: true })}`;
  }
}
