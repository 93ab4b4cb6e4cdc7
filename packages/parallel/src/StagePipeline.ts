import type { Dataset } from '@synthgrad/core';
import type { DType, Matrix, MatrixData } from '@synthgrad/tensor';
import { LockStepSchedule, type LayerSize, type TrainerSpec, type TrainingProgress } from '@synthgrad/trainers';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { MAIN, PipelineControl } from './PipelineControl.js';
import type { Schedule } from './Schedule.js';
import { SlotField, SlotKind, SlotQueue, type SlotLayout } from './SlotQueue.js';
import { StageFault } from './StageFault.js';
import type { SharedQueue, StageFaultInjection, StageMessage, StageWorkerData } from './StageWorkerData.js';

/** True when this module runs as TypeScript source (tsx or vitest) rather than from `dist`. */
const fromSource = fileURLToPath(import.meta.url).endsWith('.ts');
const WORKER_FILE = new URL(fromSource ? './stageWorkerBootstrap.mjs' : './stageWorker.js', import.meta.url);

const LOSS_CAPACITY = 64;
/** After a stop, how long a stage may take to leave its loop before its thread is terminated. */
const STOP_GRACE_MS = 2_000;
/** How long threads may take to start (from source each compiles the workspace first). */
const START_TIMEOUT_MS = 120_000;

let liveThreads = 0;

/** Stage threads started by this module and not yet exited (the tests count OS threads too). */
export function liveStageThreads(): number {
  return liveThreads;
}

export interface StagePipelineOptions {
  readonly spec: TrainerSpec<'dni'>;
  readonly dataset: Pick<Dataset, 'name' | 'task' | 'inputSize' | 'labelSize'>;
  /** The network's layers, as `splitStages` cuts them. */
  readonly layers: readonly LayerSize[];
  /** Layers per stage. */
  readonly split: readonly number[];
  /** Backend every stage computes with (a name its container knows: `cpu`, `wasm`, `mathjs`, or a plugin's). */
  readonly backend: string;
  readonly dtype?: DType;
  /** Plugin modules (absolute paths) each stage's container loads. */
  readonly plugins?: readonly string[];
  readonly schedule?: Schedule;
  /** Slots of each queue between stages in `async` (default 2). */
  readonly queueCapacity?: number;
  /** Most rows a batch has. */
  readonly maxRows: number;
  /** Bound of every wait, in each stage and here (ms; default 120 000). */
  readonly timeoutMs?: number;
  /** For tests: faults injected into stages. */
  readonly faults?: readonly StageFaultInjection[];
  /** The state every stage starts from (a resumed run's), instead of the spec's seed. */
  readonly initialState?: PipelineState;
}

/** The drained state of every stage: named tensors and random streams. */
export interface PipelineState {
  readonly tensors: Record<string, MatrixData>;
  readonly rngs: Record<string, Float64Array>;
}

/**
 * K decoupled stages, each on its own worker thread with its own backend, joined by bounded
 * shared-memory queues ({@link SlotQueue}). The main thread feeds batches into stage 0's queue
 * ({@link push}, waiting without blocking its event loop when the queue is full), reads the last
 * stage's losses, and {@link drain}s the pipeline to collect every stage's weights. A stage that
 * throws, times out or whose thread dies fails the pipeline naming the stage; {@link close} stops
 * every thread and waits for them to exit.
 */
export class StagePipeline {
  readonly stages: number;
  readonly control: PipelineControl;
  readonly #workers: Worker[];
  readonly #input: SlotQueue;
  readonly #losses: SlotQueue;
  readonly #timeoutMs: number;
  readonly #describeStage: (k: number) => string;
  readonly #exited: Promise<void>[];
  #failure: Error | undefined;
  #closing = false;
  #ready = 0;
  #aborted = false;
  #drained: PipelineState[] = [];
  #drainedCount = 0;
  #onLoss: (id: number, loss: number) => void = () => {};

  private constructor(options: StagePipelineOptions) {
    const { split, layers, maxRows, dataset } = options;
    const stages = (this.stages = split.length);
    const schedule = options.schedule ?? 'lock-step';
    const lockStep = new LockStepSchedule(stages);
    const capacity = schedule === 'lock-step' ? { up: lockStep.batchesInFlight, down: lockStep.targetsInFlight } : { up: options.queueCapacity ?? 2, down: (options.queueCapacity ?? 2) + 1 };
    if (!Number.isInteger(capacity.up) || capacity.up < 1) throw new RangeError(`queueCapacity: expected a positive integer, got ${capacity.up}`);
    this.#timeoutMs = options.timeoutMs ?? 120_000;
    this.control = new PipelineControl(stages);
    const ends: number[] = [];
    split.reduce((end, n) => (ends.push(end + n), end + n), 0);
    this.#describeStage = (k) => {
      const first = k === 0 ? 0 : ends[k - 1];
      const last = ends[k] - 1;
      return `stage ${k} of ${stages} (layer${first === last ? ` ${first}` : `s ${first}–${last}`})`;
    };
    const outputCols = ends.map((end) => layers[end - 1].outputSize);
    const make = (layout: SlotLayout): SlotQueue => new SlotQueue(layout);
    const share = (q: SlotQueue | null): SharedQueue | null => (q === null ? null : { buffer: q.buffer, layout: q.layout });
    this.#input = make({ capacity: capacity.up, maxRows, columns: [dataset.inputSize, dataset.labelSize] });
    this.#losses = make({ capacity: LOSS_CAPACITY, maxRows: 1, columns: [1] });
    const up = outputCols.slice(0, -1).map((cols) => make({ capacity: capacity.up, maxRows, columns: [cols, dataset.inputSize, dataset.labelSize] }));
    const down = outputCols.slice(0, -1).map((cols) => make({ capacity: capacity.down, maxRows, columns: [cols] }));
    // The oldest target a stage may still be waiting for is as many batches back as fit in the
    // queues up and down, plus the batch the stage above is running and the one this stage ran.
    const keep = capacity.up + capacity.down + 2;
    this.#workers = [];
    this.#exited = [];
    for (let k = 0; k < stages; k++) {
      const data: StageWorkerData = {
        stage: k,
        stages,
        spec: options.spec,
        dataset: { name: dataset.name, task: dataset.task, inputSize: dataset.inputSize, labelSize: dataset.labelSize },
        backend: options.backend,
        dtype: options.dtype ?? 'float64',
        plugins: options.plugins ?? [],
        schedule,
        keep,
        timeoutMs: this.#timeoutMs,
        control: this.control.buffer,
        input: share(k === 0 ? this.#input : up[k - 1])!,
        output: share(k < stages - 1 ? up[k] : null),
        targetsIn: share(k < stages - 1 ? down[k] : null),
        targetsOut: share(k > 0 ? down[k - 1] : null),
        losses: share(k === stages - 1 ? this.#losses : null),
        ...(options.faults?.find((f) => f.stage === k) ? { faults: options.faults.find((f) => f.stage === k) } : {}),
        ...(options.initialState ? { initialState: options.initialState } : {}),
      };
      const worker = new Worker(WORKER_FILE, {
        workerData: data,
        ...(fromSource ? { execArgv: ['--conditions=@synthgrad/source'] } : {}),
      });
      liveThreads++;
      this.#workers.push(worker);
      this.#exited.push(
        new Promise((resolve) => {
          worker.once('exit', (code) => {
            liveThreads--;
            // A stage leaves with code 0 only once the pipeline is stopped (after its own 'failed' message, if it failed).
            if (!this.#closing && (code !== 0 || !this.control.stopped)) this.#fail(new StageFault(k, `its thread exited (code ${code})`));
            this.control.ring(MAIN);
            resolve();
          });
        }),
      );
      worker.on('error', (error) => this.#fail(new StageFault(k, `its thread threw: ${error.message}`)));
      worker.on('message', (message: StageMessage) => this.#receive(message));
    }
  }

  /** Starts every stage's thread and waits until each has built its stage (bounded by the timeout). */
  static async start(options: StagePipelineOptions): Promise<StagePipeline> {
    const pipeline = new StagePipeline(options);
    try {
      await pipeline.#until(() => pipeline.#ready === pipeline.stages, 'every stage to start', Math.max(START_TIMEOUT_MS, pipeline.#timeoutMs));
    } catch (error) {
      await pipeline.close();
      throw error;
    }
    return pipeline;
  }

  /** The reason the pipeline failed, naming the stage; undefined while it runs. */
  get failure(): Error | undefined {
    return this.#failure;
  }

  /** Called with the loss of every batch as the last stage reports it. */
  set onLoss(callback: (id: number, loss: number) => void) {
    this.#onLoss = callback;
  }

  /**
   * Hands batch `id` to stage 0: waits for room in its queue, then `fill` writes the batch's
   * inputs and labels (`rows` rows) straight into the queue's shared slot.
   */
  async push(id: number, rows: number, progress: TrainingProgress, fill: (inputs: Matrix, labels: Matrix) => void): Promise<void> {
    const input = this.#input;
    if (input.full) await this.#until(() => !input.full, 'stage 0 to take the next batch');
    this.#throwIfFailed();
    const slot = input.writeSlot;
    input.setHeader(slot, SlotField.Kind, SlotKind.Batch);
    input.setHeader(slot, SlotField.Id, id);
    input.setHeader(slot, SlotField.Rows, rows);
    input.setHeader(slot, SlotField.Epoch, progress.epoch);
    input.setHeader(slot, SlotField.Step, progress.step);
    const [inputs, labels] = input.matrices(slot, rows);
    fill(inputs, labels);
    input.commit();
    this.control.ring(0);
    this.#readLosses();
  }

  /**
   * Lets every batch pushed so far through every stage, waits until each stage has learnt all its
   * outstanding targets, and returns the state of every stage's layers and generators (empty
   * without `withState`: a pure synchronisation point, as benchmarks use it).
   */
  async drain(withState = true): Promise<PipelineState> {
    const input = this.#input;
    if (input.full) await this.#until(() => !input.full, 'stage 0 to take the next batch');
    this.#drained = [];
    this.#drainedCount = 0;
    input.setHeader(input.writeSlot, SlotField.Kind, SlotKind.Drain);
    input.setHeader(input.writeSlot, SlotField.Skipped, withState ? 0 : 1);
    input.commit();
    this.control.ring(0);
    await this.#until(() => this.#drainedCount === this.stages, 'every stage to drain');
    this.#readLosses();
    const tensors: Record<string, MatrixData> = {};
    const rngs: Record<string, Float64Array> = {};
    for (const part of this.#drained) {
      Object.assign(tensors, part.tensors);
      Object.assign(rngs, part.rngs);
    }
    return { tensors, rngs };
  }

  /** Stops every stage at once; the next wait here throws. Follow with {@link close}. */
  abort(): void {
    this.#aborted = true;
    this.control.stop();
  }

  /** Stops every stage and resolves when every thread has exited (terminating any that lingers). */
  async close(): Promise<void> {
    this.#closing = true;
    this.control.stop();
    const timer = setTimeout(() => this.#workers.forEach((w) => void w.terminate()), STOP_GRACE_MS);
    await Promise.all(this.#exited);
    clearTimeout(timer);
  }

  #receive(message: StageMessage): void {
    switch (message.type) {
      case 'ready':
        this.#ready++;
        break;
      case 'drained':
        this.#drained.push({ tensors: message.tensors, rngs: message.rngs });
        this.#drainedCount++;
        break;
      case 'failed':
        this.#fail(new StageFault(message.stage, message.message));
        break;
    }
    this.control.ring(MAIN);
  }

  #fail(fault: StageFault): void {
    if (this.#failure !== undefined || this.#closing) return;
    this.#failure = new StageFault(fault.stage, `${this.#describeStage(fault.stage)} failed: ${fault.message}`);
    this.control.stop();
  }

  #throwIfFailed(): void {
    if (this.#failure !== undefined) throw this.#failure;
    if (this.#aborted) throw new Error('the pipeline was aborted');
  }

  #readLosses(): void {
    const losses = this.#losses;
    let released = false;
    while (!losses.empty) {
      const slot = losses.readSlot;
      this.#onLoss(losses.header(slot, SlotField.Id), losses.matrices(slot, 1)[0].data[0]);
      losses.release();
      released = true;
    }
    if (released) this.control.ring(this.stages - 1);
  }

  /** Waits, without blocking the event loop, until `done()` (reading losses meanwhile), a failure, or the timeout. */
  async #until(done: () => boolean, what: string, timeoutMs = this.#timeoutMs): Promise<void> {
    const deadline = performance.now() + timeoutMs;
    for (;;) {
      this.#throwIfFailed();
      const seen = this.control.bell(MAIN);
      this.#readLosses();
      if (done()) return;
      const now = performance.now();
      if (now >= deadline) {
        const stuck = this.#stuckStage();
        const fault = new StageFault(stuck, `the main thread waited ${timeoutMs / 1000} s for ${what}`);
        this.#fail(fault);
        this.#throwIfFailed();
      }
      // Messages (ready, drained, failed) and exits arrive on the event loop; they ring the bell too.
      await this.control.waitAsync(MAIN, seen, Math.min(250, deadline - now));
    }
  }

  /** The stage that has run the fewest batches: the likely culprit of a timeout. */
  #stuckStage(): number {
    let stuck = 0;
    for (let k = 1; k < this.stages; k++) if (this.control.ranThrough(k) < this.control.ranThrough(stuck)) stuck = k;
    return stuck;
  }
}
