import type { RunSpec } from '../run/RunSpec.js';

/** The BullMQ queue every `synthgrad compare --queue` and `synthgrad worker` use. */
export const RUN_QUEUE = 'synthgrad-runs';

/**
 * The payload of one queued run: plain data only. `plugins` are the suite's plugin paths; a worker
 * runs the job only if it was started with every one of them (`--plugin`), and never imports code
 * named by a job otherwise.
 */
export interface RunJobData {
  readonly spec: RunSpec;
  readonly plugins: readonly string[];
}
