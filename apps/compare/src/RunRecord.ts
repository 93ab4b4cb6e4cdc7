import type { EarlyStop, EpochRecord, NetworkSpec, StopCriterion } from 'synthgrad';
import type { Provenance } from './output/Provenance.js';

export type { Suite, SuiteRun, SuiteTraining } from './suite/suiteSchema.js';
export type { Provenance } from './output/Provenance.js';

/** How a run ended: `failed` = it threw inside a worker (the message is in `reason`). */
export type RunStatus = 'completed' | 'diverged' | 'failed';

/** One line of `results.jsonl`: one configuration trained with one seed. */
export interface RunRecord {
  readonly suite: string;
  /** The configuration's label, unique within the suite. */
  readonly label: string;
  readonly seed: number;
  readonly trainer: string;
  readonly options: Record<string, unknown>;
  /** The resolved network (the suite's, with the configuration's overrides applied). */
  readonly network: NetworkSpec;
  readonly dataset: { readonly name: string; readonly options: Record<string, unknown> };
  /** The resolved training settings (the suite's, with the configuration's overrides applied). */
  readonly training: {
    readonly epochs: number;
    readonly batchSize: number;
    readonly shuffle?: boolean;
    readonly measureGradients?: boolean;
    readonly measurementSize?: number;
    readonly stopWhen?: StopCriterion;
  };
  readonly status: RunStatus;
  /** Why a run did not complete. */
  readonly reason?: string;
  /** Set when `training.stopWhen` ended a completed run before its last epoch: where and why. */
  readonly stopped?: EarlyStop;
  /** One record per finished epoch (a diverged run keeps the epochs before it). */
  readonly history: readonly EpochRecord[];
  /** Wall-clock seconds of the run, dataset loading excluded. */
  readonly seconds: number;
  /** Tensor backend name (`cpu`, `mathjs`, …). */
  readonly backend: string;
  /** The dtype of the backend's matrices (absent in records written before dtypes: float64). */
  readonly dtype?: 'float64' | 'float32';
  /** ISO 8601. */
  readonly finishedAt: string;
  /** What made the record: packages, Node, machine, git commit, command, suite hash (absent in records written before it). */
  readonly provenance?: Provenance;
}
