import type { EpochRecord, EvaluationMetrics } from 'synthgrad';

/** What a worker tells the main process about a run while it trains. */
export type ProgressMessage =
  | { readonly type: 'start'; readonly index: number }
  | {
      readonly type: 'batch';
      readonly index: number;
      /** 0-based epoch in progress. */
      readonly epoch: number;
      readonly batch: number;
      readonly batches: number;
    }
  | {
      readonly type: 'epoch';
      readonly index: number;
      /** Epochs finished so far (1-based). */
      readonly epochsDone: number;
      readonly test: EvaluationMetrics;
      /** The epoch's whole record, so a run whose thread dies later still keeps the epochs it finished. */
      readonly record?: EpochRecord;
    };
