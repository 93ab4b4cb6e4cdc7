import type { RunRecord } from '../RunRecord.js';

/** What a worker needs to train one configuration with one seed (plain data: it crosses threads). */
export interface RunSpec
  extends Pick<RunRecord, 'suite' | 'label' | 'seed' | 'trainer' | 'options' | 'network' | 'dataset' | 'training' | 'backend' | 'dtype'> {
  /** 0-based position in the suite's full list of runs (stable across `--resume`). */
  readonly index: number;
  /** Runs in the whole suite. */
  readonly total: number;
  /**
   * Go on from an earlier record of this run (a successive-halving survivor): its trainer state is
   * read from `weightsFolderOf(RunTask.resumeFolder, spec)`, and training resumes at the end of
   * `history` (the epochs before, kept in the new record). Never part of the record.
   */
  readonly resume?: { readonly history: RunRecord['history']; readonly seconds: number };
}
