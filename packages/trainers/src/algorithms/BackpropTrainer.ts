import type { Batch, StepMetrics, TrainerAlgorithm, TrainerState } from '@synthgrad/core';
import { bufferOfShape, type Matrix } from '@synthgrad/tensor';
import type { Network } from '../network/Network.js';
import type { LearningRateSchedule, TrainingProgress } from '../schedule/compileSchedule.js';

/** Plain back-propagation: forward, the true gradient backwards through every layer, then every update. */
export class BackpropTrainer implements TrainerAlgorithm {
  readonly name = 'backprop';
  #lossGradient: Matrix | undefined;

  constructor(
    readonly network: Network,
    private readonly learningRate: LearningRateSchedule,
  ) {}

  step(batch: Batch, progress: TrainingProgress): StepMetrics {
    const output = this.network.forward(batch.inputs, true);
    const loss = this.network.loss.value(output, batch.labels);
    this.#lossGradient = this.network.loss.gradient(
      output,
      batch.labels,
      (this.#lossGradient = bufferOfShape(this.#lossGradient, output.rows, output.cols)),
    );
    this.network.backward(this.#lossGradient);
    this.network.update(this.learningRate(progress));
    return { loss };
  }

  state(): TrainerState {
    return { tensors: this.network.state(), rngs: {} };
  }

  predict(inputs: Matrix): Matrix {
    return this.network.forward(inputs, false);
  }

  loss(outputs: Matrix, labels: Matrix): number {
    return this.network.loss.value(outputs, labels);
  }
}
