import type { MessagePort } from 'node:worker_threads';
import type { RunSpec } from './RunSpec.js';

/** One task of the worker pool. */
export interface RunTask {
  readonly spec: RunSpec;
  /** Absolute paths of the suite's plugin modules: the worker's container loads them. */
  readonly plugins: readonly string[];
  /** Where the worker posts {@link ProgressMessage}s; transferred with the task. */
  readonly port: MessagePort;
  /** With `--save-weights`: the run folder's `weights/` folder, where the final weights are kept. */
  readonly weightsFolder?: string;
  /** Where the states of runs to resume (`RunSpec.resume`) were written: a successive-halving rung's weights. */
  readonly resumeFolder?: string;
}
