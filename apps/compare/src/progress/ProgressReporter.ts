import type { RunRecord } from '../RunRecord.js';
import type { ProgressMessage } from '../run/ProgressMessage.js';
import type { RunSpec } from '../run/RunSpec.js';

/** Shows runs' progress while a suite trains. */
export interface ProgressReporter {
  /** A message a worker posted about `spec`. */
  update(spec: RunSpec, message: ProgressMessage): void;
  /** `spec` ended and its record is saved. */
  finished(spec: RunSpec, record: RunRecord): void;
  /** A line to show without breaking the progress display. */
  log(line: string): void;
  stop(): void;
}
