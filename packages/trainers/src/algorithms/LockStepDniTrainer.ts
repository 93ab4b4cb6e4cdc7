import type { Batch, GradientAlignment, StepMetrics, TrainerAlgorithm, TrainerState } from '@synthgrad/core';
import { bufferOfShape, type Matrix } from '@synthgrad/tensor';
import type { Network } from '../network/Network.js';
import type { LearningRateSchedule, TrainingProgress } from '../schedule/compileSchedule.js';
import type { DniStage } from './DniStage.js';
import { DniTrainer } from './DniTrainer.js';
import { LockStepSchedule } from './LockStepSchedule.js';

/** A batch on its way up between two stages. */
interface Carried {
  id: number;
  full: boolean;
  progress: TrainingProgress;
  h: Matrix | undefined;
  inputs: Matrix | undefined;
  labels: Matrix | undefined;
}

/** A target on its way down. */
interface Target {
  id: number;
  gradient: Matrix | undefined;
  skipped: boolean;
}

/**
 * The lock-step schedule of K decoupled stages ({@link LockStepSchedule}), simulated on one thread: at
 * step t stage k runs batch t − k, and before running batch b it learns its boundary generator toward
 * the target of batch b − 2 (sent by stage k + 1 when it ran b − 2, one step earlier). Every stage's sequence of
 * operations is the one a stage on its own thread performs, so a threaded lock-step run ends with
 * the same weights. Before the network is evaluated the pipeline drains: the later stages run the
 * batches still on their way and every outstanding target is learnt. With one stage this is `dni`.
 *
 * `step` reports the loss of the latest batch that reached the last stage (0 until one has).
 */
export class LockStepDniTrainer implements TrainerAlgorithm {
  readonly name = 'dni';
  readonly stages: readonly DniStage[];
  /** Which stage runs which batch at each step, and which targets it learns first. */
  readonly lockStep: LockStepSchedule;
  readonly #sequential: DniTrainer;
  /** The layers' and the generators' learning rates (threaded stages compute theirs from these). */
  readonly schedules: { readonly layers: LearningRateSchedule; readonly generators: LearningRateSchedule };
  readonly #up: Carried[];
  readonly #down: Target[][];
  readonly #downCount: number[];
  #next = 0;
  #loss = 0;

  constructor(
    readonly network: Network,
    sequential: DniTrainer,
    stages: readonly DniStage[],
    schedules: { readonly layers: LearningRateSchedule; readonly generators: LearningRateSchedule },
  ) {
    this.#sequential = sequential;
    this.stages = stages;
    this.schedules = schedules;
    const lockStep = (this.lockStep = new LockStepSchedule(stages.length));
    const boundaries = stages.length - 1;
    this.#up = Array.from({ length: boundaries }, () => ({
      id: -1,
      full: false,
      progress: { epoch: 0, step: 0 },
      h: undefined,
      inputs: undefined,
      labels: undefined,
    }));
    this.#down = Array.from({ length: boundaries }, () =>
      Array.from({ length: lockStep.targetsInFlight }, () => ({ id: -1, gradient: undefined, skipped: false })),
    );
    this.#downCount = new Array(boundaries).fill(0);
  }

  get decoupled() {
    return this.#sequential.decoupled;
  }

  step(batch: Batch, progress: TrainingProgress): StepMetrics {
    const t = this.#next++;
    for (const k of this.lockStep.order) {
      if (k === 0) this.#runStage(0, this.lockStep.batchAt(0, t), batch.inputs, batch.inputs, batch.labels, progress);
      else this.#runCarried(k, this.lockStep.batchAt(k, t));
    }
    return { loss: this.#loss };
  }

  /** Runs the batches still between stages through the later stages and learns every outstanding target. */
  drain(): void {
    for (let tick = 0; tick < this.lockStep.drainSteps; tick++) {
      for (const k of this.lockStep.order) if (k > 0) this.#runCarried(k, -1);
    }
    for (let k = 0; k < this.stages.length - 1; k++) {
      const stage = this.stages[k];
      const rate = this.schedules.generators(this.#up[k].progress);
      while (stage.learnedThrough < stage.ranThrough) this.#learnNext(k, rate);
    }
  }

  /**
   * Drains the pipeline first (as evaluation does), so the state holds no batch in flight: a trainer
   * loaded from it goes on as this one does after its drain.
   */
  state(): TrainerState {
    this.drain();
    return this.#sequential.state();
  }

  predict(inputs: Matrix): Matrix {
    this.drain();
    return this.network.forward(inputs, false);
  }

  loss(outputs: Matrix, labels: Matrix): number {
    return this.network.loss.value(outputs, labels);
  }

  measureGradients(batch: Batch): GradientAlignment[] {
    this.drain();
    return this.#sequential.measureGradients(batch);
  }

  /** Stage k runs the batch the stage below handed up, if any; `expected`, when ≥ 0, is the batch the schedule names. */
  #runCarried(k: number, expected: number): void {
    const carried = this.#up[k - 1];
    if (!carried.full) return;
    if (expected >= 0 && carried.id !== expected) {
      throw new Error(`LockStepDniTrainer: stage ${k} was handed batch ${carried.id}, the schedule says batch ${expected}`);
    }
    carried.full = false;
    this.#runStage(k, carried.id, carried.h!, carried.inputs!, carried.labels!, carried.progress);
  }

  #runStage(k: number, id: number, h: Matrix, inputs: Matrix, labels: Matrix, progress: TrainingProgress): void {
    const stage = this.stages[k];
    const learningRate = this.schedules.layers(progress);
    const generatorRate = this.schedules.generators(progress);
    if (k < this.stages.length - 1) while (stage.learnedThrough < this.lockStep.learnedBefore(id)) this.#learnNext(k, generatorRate);
    const result = stage.run(id, h, inputs, labels, learningRate, generatorRate);
    if (k < this.stages.length - 1) {
      const up = this.#up[k];
      up.id = id;
      up.full = true;
      up.progress = progress;
      up.h = copyInto(up.h, result.output);
      up.inputs = copyInto(up.inputs, inputs);
      up.labels = copyInto(up.labels, labels);
    } else {
      this.#loss = result.loss;
    }
    if (k > 0) {
      const slot = this.#down[k - 1][id % this.lockStep.targetsInFlight];
      if (this.#downCount[k - 1] === this.lockStep.targetsInFlight) throw new Error(`LockStepDniTrainer: stage ${k - 1}'s targets overflowed`);
      slot.id = id;
      slot.skipped = result.sentDown === null;
      if (result.sentDown !== null) slot.gradient = copyInto(slot.gradient, result.sentDown);
      this.#downCount[k - 1]++;
    }
  }

  #learnNext(k: number, generatorRate: number): void {
    const stage = this.stages[k];
    const id = stage.learnedThrough + 1;
    const slot = this.#down[k][id % this.lockStep.targetsInFlight];
    if (slot.id !== id || this.#downCount[k] === 0) {
      throw new Error(`LockStepDniTrainer: stage ${k} needs the target of batch ${id}, which stage ${k + 1} has not sent`);
    }
    stage.learn(id, slot.skipped ? null : slot.gradient!, generatorRate);
    this.#downCount[k]--;
  }
}

function copyInto(buffer: Matrix | undefined, source: Matrix): Matrix {
  const target = bufferOfShape(buffer, source.rows, source.cols, source);
  target.data.set(source.data);
  return target;
}
