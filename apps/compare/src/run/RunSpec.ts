import type { RunRecord } from '../RunRecord.js';

/** What a worker needs to train one configuration with one seed (plain data: it crosses threads). */
export interface RunSpec
  extends Pick<RunRecord, 'suite' | 'label' | 'seed' | 'trainer' | 'options' | 'network' | 'dataset' | 'training' | 'backend'> {
  /** 0-based position in the suite's full list of runs (stable across `--resume`). */
  readonly index: number;
  /** Runs in the whole suite. */
  readonly total: number;
}
