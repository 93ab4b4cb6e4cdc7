import type { Matrix } from '@synthgrad/tensor';
import type { DniStage, LearningRateSchedule, LockStepSchedule, TrainingProgress } from '@synthgrad/trainers';
import { MAIN, type PipelineControl } from './PipelineControl.js';
import type { Schedule } from './Schedule.js';
import { SlotField, SlotKind, type SlotQueue } from './SlotQueue.js';
import { StageFault } from './StageFault.js';

/** What a stage waits for; the message of a timeout is only built when one happens. */
const enum Wait {
  Input,
  OutputRoom,
  Target,
  TargetRoom,
  LossRoom,
}

/** Thrown inside a stage when the pipeline is asked to stop: ends its loop quietly. */
export class StopRequested extends Error {
  constructor() {
    super('the pipeline was stopped');
  }
}

/** The queues a stage is wired to: null where it has no neighbour. */
export interface StageQueues {
  /** Batches from the stage below (stage 0: from the main thread, matrices `[inputs, labels]`; else `[h, inputs, labels]`). */
  readonly input: SlotQueue;
  /** Batches to the stage above. */
  readonly output: SlotQueue | null;
  /** Targets for the boundary generator, from the stage above. */
  readonly targetsIn: SlotQueue | null;
  /** The gradient at this stage's input, to the stage below. */
  readonly targetsOut: SlotQueue | null;
  /** The loss of every batch, to the main thread (the last stage only). */
  readonly losses: SlotQueue | null;
}

export interface StageRunnerOptions {
  readonly stage: number;
  readonly control: PipelineControl;
  readonly queues: StageQueues;
  readonly dniStage: DniStage;
  readonly schedules: { readonly layers: LearningRateSchedule; readonly generators: LearningRateSchedule };
  readonly schedule: Schedule;
  /** The lock-step order (the simulated `LockStepDniTrainer`'s): which targets to learn before a batch. */
  readonly lockStep: LockStepSchedule;
  /** Bound of every wait (ms). */
  readonly timeoutMs: number;
  /** Called after a drain, with every target learnt: the stage reports (with `withState`) its state. */
  readonly onDrained: (withState: boolean) => void;
  /** Called before each batch runs (test faults: delays, throws). */
  readonly beforeRun?: (id: number) => void;
}

/**
 * One stage's loop on its own thread: take a batch from below, learn the boundary generator's due
 * targets, run the {@link DniStage}, send the output up and the input gradient down. In `lock-step`
 * the stage learns the target of batch b − 2 before running b, as the `LockStepSchedule` that
 * `LockStepDniTrainer` simulates says; in `async` it learns whatever targets have arrived, also while it waits. Every wait
 * is bounded by `timeoutMs` and ends at a stop.
 */
export class StageRunner {
  readonly #o: StageRunnerOptions;
  readonly #k: number;
  readonly #top: boolean;
  readonly #progress: { epoch: number; step: number } = { epoch: 0, step: 0 };
  readonly #asyncLearning: boolean;
  #waitedFor = -1;

  constructor(options: StageRunnerOptions) {
    this.#o = options;
    this.#k = options.stage;
    this.#top = options.queues.output === null;
    this.#asyncLearning = options.schedule === 'async';
  }

  /** Runs until the pipeline stops ({@link StopRequested}) or something throws. */
  run(): void {
    const { input, output } = this.#o.queues;
    const stage = this.#o.dniStage;
    const k = this.#k;
    for (;;) {
      this.#wait(Wait.Input);
      const slot = input.readSlot;
      if (input.header(slot, SlotField.Kind) === SlotKind.Drain) {
        const withState = input.header(slot, SlotField.Skipped) === 0;
        if (output !== null) {
          this.#wait(Wait.OutputRoom);
          output.setHeader(output.writeSlot, SlotField.Kind, SlotKind.Drain);
          output.setHeader(output.writeSlot, SlotField.Skipped, withState ? 0 : 1);
          output.commit();
          this.#o.control.ring(k + 1);
        }
        if (!this.#top) this.#learnThrough(stage.ranThrough, this.#o.schedules.generators(this.#progress));
        this.#publish();
        input.release();
        this.#o.control.ring(k === 0 ? MAIN : k - 1);
        this.#o.onDrained(withState);
        continue;
      }
      const id = input.header(slot, SlotField.Id);
      const rows = input.header(slot, SlotField.Rows);
      this.#progress.epoch = input.header(slot, SlotField.Epoch);
      this.#progress.step = input.header(slot, SlotField.Step);
      const views = input.matrices(slot, rows);
      const h = views[0];
      const inputs = k === 0 ? views[0] : views[1];
      const labels = k === 0 ? views[1] : views[2];
      const learningRate = this.#o.schedules.layers(this.#progress);
      const generatorRate = this.#o.schedules.generators(this.#progress);
      if (!this.#top) {
        if (this.#asyncLearning) {
          this.#learnArrived(generatorRate);
          // The boundary features of batch id − keep must have been used before batch id's overwrite them.
          this.#learnThrough(id - stage.keep, generatorRate);
        } else {
          this.#learnThrough(this.#o.lockStep.learnedBefore(id), generatorRate);
        }
      }
      this.#o.beforeRun?.(id);
      const result = stage.run(id, h, inputs, labels, learningRate, generatorRate);
      this.#publish();
      if (output !== null) {
        this.#wait(Wait.OutputRoom);
        const out = output.writeSlot;
        output.setHeader(out, SlotField.Kind, SlotKind.Batch);
        output.setHeader(out, SlotField.Id, id);
        output.setHeader(out, SlotField.Rows, rows);
        output.setHeader(out, SlotField.Epoch, this.#progress.epoch);
        output.setHeader(out, SlotField.Step, this.#progress.step);
        const [hUp, inputsUp, labelsUp] = output.matrices(out, rows);
        hUp.data.set(result.output.data);
        inputsUp.data.set(inputs.data);
        labelsUp.data.set(labels.data);
        output.commit();
        this.#o.control.ring(k + 1);
      } else {
        const losses = this.#o.queues.losses!;
        this.#wait(Wait.LossRoom);
        const out = losses.writeSlot;
        losses.setHeader(out, SlotField.Id, id);
        losses.matrices(out, 1)[0].data[0] = result.loss;
        losses.commit();
        this.#o.control.ring(MAIN);
      }
      input.release();
      this.#o.control.ring(k === 0 ? MAIN : k - 1);
      const targetsOut = this.#o.queues.targetsOut;
      if (targetsOut !== null) {
        this.#wait(Wait.TargetRoom);
        const out = targetsOut.writeSlot;
        targetsOut.setHeader(out, SlotField.Id, id);
        targetsOut.setHeader(out, SlotField.Rows, rows);
        targetsOut.setHeader(out, SlotField.Skipped, result.sentDown === null ? 1 : 0);
        if (result.sentDown !== null) targetsOut.matrices(out, rows)[0].data.set(result.sentDown.data);
        targetsOut.commit();
        this.#o.control.ring(k - 1);
      }
      this.#publish();
    }
  }

  /** Learns targets in order until batch `id`'s has been learnt, waiting for them to arrive. */
  #learnThrough(id: number, generatorRate: number): void {
    const stage = this.#o.dniStage;
    while (stage.learnedThrough < id) {
      this.#waitedFor = stage.learnedThrough + 1;
      this.#wait(Wait.Target);
      this.#learnNext(generatorRate);
    }
  }

  /** Learns every target that has arrived (async only). */
  #learnArrived(generatorRate: number): boolean {
    const targets = this.#o.queues.targetsIn;
    if (targets === null || targets.empty) return false;
    while (!targets.empty) this.#learnNext(generatorRate);
    return true;
  }

  #learnNext(generatorRate: number): void {
    const targets = this.#o.queues.targetsIn!;
    const slot = targets.readSlot;
    const id = targets.header(slot, SlotField.Id);
    const target: Matrix | null =
      targets.header(slot, SlotField.Skipped) === 1 ? null : targets.matrices(slot, targets.header(slot, SlotField.Rows))[0];
    this.#o.dniStage.learn(id, target, generatorRate);
    targets.release();
    this.#o.control.ring(this.#k + 1);
  }

  #publish(): void {
    this.#o.control.setProgress(this.#k, this.#o.dniStage.ranThrough, this.#o.dniStage.learnedThrough);
  }

  #ready(what: Wait): boolean {
    const q = this.#o.queues;
    switch (what) {
      case Wait.Input:
        return !q.input.empty;
      case Wait.OutputRoom:
        return !q.output!.full;
      case Wait.Target:
        return !q.targetsIn!.empty;
      case Wait.TargetRoom:
        return !q.targetsOut!.full;
      case Wait.LossRoom:
        return !q.losses!.full;
    }
  }

  #wait(what: Wait): void {
    const control = this.#o.control;
    const k = this.#k;
    let deadline = 0;
    for (;;) {
      if (control.stopped) throw new StopRequested();
      const seen = control.bell(k);
      if (this.#ready(what)) return;
      // While blocked, an async stage learns the targets that arrive (so the stage above never waits on it).
      if (this.#asyncLearning && what !== Wait.Target && this.#learnArrived(this.#o.schedules.generators(this.#progress))) {
        this.#publish();
        continue;
      }
      const now = performance.now();
      if (deadline === 0) deadline = now + this.#o.timeoutMs;
      else if (now >= deadline) throw new StageFault(k, `waited ${this.#o.timeoutMs / 1000} s for ${this.#describe(what)}`);
      control.wait(k, seen, deadline - now);
    }
  }

  #describe(what: Wait): string {
    const k = this.#k;
    switch (what) {
      case Wait.Input:
        return k === 0 ? 'the next batch from the main thread' : `the next batch from stage ${k - 1}`;
      case Wait.OutputRoom:
        return `room in the queue to stage ${k + 1} (stage ${k + 1} is stuck)`;
      case Wait.Target:
        return `the target of batch ${this.#waitedFor} from stage ${k + 1}`;
      case Wait.TargetRoom:
        return `room in the queue of targets to stage ${k - 1} (stage ${k - 1} is stuck)`;
      case Wait.LossRoom:
        return 'room in the queue of losses to the main thread';
    }
  }
}
