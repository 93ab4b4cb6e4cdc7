import type { DType, MatrixData } from '@synthgrad/tensor';
import type { DatasetTask } from '@synthgrad/core';
import type { TrainerSpec } from '@synthgrad/trainers';
import type { Schedule } from './Schedule.js';
import type { SlotLayout } from './SlotQueue.js';

/** A queue as it crosses to a thread: its memory and layout. */
export interface SharedQueue {
  readonly buffer: SharedArrayBuffer;
  readonly layout: SlotLayout;
}

/** Faults a test can inject into a stage. */
export interface StageFaultInjection {
  readonly stage: number;
  /** Sleep this long before every batch (a deliberately slowed stage). */
  readonly delayMs?: number;
  /** Throw before running this batch. */
  readonly throwAtBatch?: number;
  /** End the thread (`process.exit(3)`) before running this batch. */
  readonly exitAtBatch?: number;
}

/** Everything a stage's thread is started with (plain data and shared memory only). */
export interface StageWorkerData {
  readonly stage: number;
  readonly stages: number;
  readonly spec: TrainerSpec<'dni'>;
  readonly dataset: { readonly name: string; readonly task: DatasetTask; readonly inputSize: number; readonly labelSize: number };
  readonly backend: string;
  readonly dtype?: DType;
  readonly plugins: readonly string[];
  readonly schedule: Schedule;
  readonly keep: number;
  readonly timeoutMs: number;
  readonly control: SharedArrayBuffer;
  readonly input: SharedQueue;
  readonly output: SharedQueue | null;
  readonly targetsIn: SharedQueue | null;
  readonly targetsOut: SharedQueue | null;
  readonly losses: SharedQueue | null;
  readonly faults?: StageFaultInjection;
  /** Tensors and random streams to load into the stage's trainer before it runs (a resumed run). */
  readonly initialState?: { readonly tensors: Record<string, MatrixData>; readonly rngs: Record<string, Float64Array> };
}

/** Messages from a stage's thread to the main thread. */
export type StageMessage =
  | { readonly type: 'ready'; readonly stage: number }
  | { readonly type: 'drained'; readonly stage: number; readonly tensors: Record<string, MatrixData>; readonly rngs: Record<string, Float64Array> }
  | { readonly type: 'failed'; readonly stage: number; readonly message: string };
