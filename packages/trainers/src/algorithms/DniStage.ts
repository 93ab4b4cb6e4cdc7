import type { Loss } from '@synthgrad/layers';
import { bufferOfShape, type Matrix, type Rng, type TensorBackend } from '@synthgrad/tensor';
import type { DecoupledLayer } from './DecoupledLayer.js';
import { shapeSyntheticGradient, usesPredictionAsIs, type SyntheticGradientUse } from './SyntheticGradientUse.js';

/** What one stage hands on after running a batch; buffers the stage owns, valid until its next run. */
export interface DniStageResult {
  /** The stage's output: the next stage's input. */
  readonly output: Matrix;
  /** The gradient at the stage's input (the target of the generator below), null when the first layer skipped its update. */
  readonly sentDown: Matrix | null;
  /** The loss, for the stage holding the network's last layer (NaN elsewhere). */
  readonly loss: number;
}

/**
 * Consecutive decoupled layers that learn as one unit of a layer-parallel DNI schedule. Inside the
 * stage every layer learns as in sequential `dni`; the generator of its last layer (the boundary)
 * learns later, in {@link DniStage.learn}, toward the gradient the next stage sends back for that
 * batch — against the features it predicted from for that batch, kept until the target arrives.
 * The simulated schedule on one thread and the threaded one run this same code.
 *
 * @example
 * ```ts
 * const stage = new DniStage(decoupled.slice(0, 2), null, 1, rng, 2);
 * const { output, sentDown } = stage.run(0, x, x, y, 0.1, 0.1);
 * // ... later, when the stage above has run batch 0 and sent its input gradient back:
 * stage.learn(0, gradientFromAbove, 0.1);
 * ```
 */
export class DniStage {
  readonly #layers: readonly DecoupledLayer[];
  readonly #loss: Loss | null;
  readonly #updateProbability: number;
  readonly #rng: Rng;
  /** Features of the boundary generator per batch id (slot = id mod length). */
  readonly #kept: { id: number; features: Matrix | undefined }[];
  readonly #boundary: DecoupledLayer | null;
  readonly #shaping: { readonly backend: TensorBackend; readonly use: SyntheticGradientUse } | undefined;
  /** Per layer: clip(s·ĝ), and the gradient its unshaped ĝ sends down (the target of the generator below). */
  readonly #shaped: (Matrix | undefined)[] = [];
  readonly #target: (Matrix | undefined)[] = [];
  #lossGradient: Matrix | undefined;
  #learnedThrough = -1;
  #ranThrough = -1;

  /**
   * @param loss the network's loss when the stage holds its last layer, else null (then the last
   *   layer's generator is the boundary's).
   * @param keep how many batches' boundary features to keep (the most targets ever outstanding).
   * @param shaping how layers use ĝ when not as predicted (scale, clip); absent: as predicted.
   */
  constructor(
    layers: readonly DecoupledLayer[],
    loss: Loss | null,
    updateProbability: number,
    rng: Rng,
    keep: number,
    shaping?: { readonly backend: TensorBackend; readonly use: SyntheticGradientUse },
  ) {
    this.#shaping = shaping === undefined || usesPredictionAsIs(shaping.use) ? undefined : shaping;
    this.#layers = layers;
    this.#loss = loss;
    this.#updateProbability = updateProbability;
    this.#rng = rng;
    this.#boundary = loss === null ? layers[layers.length - 1] : null;
    this.#kept = Array.from({ length: keep }, () => ({ id: -1, features: undefined }));
  }

  /** How many batches' boundary features the stage keeps: a target may arrive at most this many batches late. */
  get keep(): number {
    return this.#kept.length;
  }

  /**
   * Keeps the boundary features of at least `keep` batches, for schedules whose targets arrive later
   * than lock-step's (threaded `async` stages). Only before the first run.
   */
  reserve(keep: number): void {
    if (this.#ranThrough >= 0) throw new Error('DniStage.reserve: the stage has already run');
    while (this.#kept.length < keep) this.#kept.push({ id: -1, features: undefined });
  }

  /** Highest batch id whose boundary target has been learnt (or skipped); -1 at first. */
  get learnedThrough(): number {
    return this.#learnedThrough;
  }

  /** Highest batch id the stage has run; -1 at first. */
  get ranThrough(): number {
    return this.#ranThrough;
  }

  /** Forward, synthetic gradient and update of every layer, for batch `id` (ids in order from 0). */
  run(
    id: number,
    stageInput: Matrix,
    inputs: Matrix,
    labels: Matrix,
    learningRate: number,
    generatorRate: number,
  ): DniStageResult {
    const layers = this.#layers;
    const last = layers.length - 1;
    let layerInput = stageInput;
    let loss = Number.NaN;
    let sentDownFirst: Matrix | null = null;
    for (let i = 0; i <= last; i++) {
      const { layer, synthesis } = layers[i];
      const layerOutput = layer.forward(layerInput, true);
      const holdsLoss = i === last && this.#loss !== null;
      if (holdsLoss) {
        loss = this.#loss!.value(layerOutput, labels);
        this.#lossGradient = bufferOfShape(this.#lossGradient, layerOutput.rows, layerOutput.cols, layerOutput);
        this.#loss!.gradient(layerOutput, labels, this.#lossGradient);
      }
      let gradient: Matrix;
      let prediction: Matrix | null = null;
      if (synthesis === null) {
        gradient = this.#lossGradient!;
      } else {
        const features = synthesis.input.features({ layerInput, layerOutput, inputs, labels, training: true });
        if (i === last && !holdsLoss) this.#keep(id, features);
        prediction = synthesis.generator.predict(features, true);
        const shaping = this.#shaping;
        gradient = shaping === undefined ? prediction : (this.#shaped[i] = shapeSyntheticGradient(shaping.backend, prediction, shaping.use, this.#shaped[i]));
      }
      if (this.#updateProbability >= 1 || this.#rng.uniform() < this.#updateProbability) {
        // The gradient sent down is computed with the weights the layer had when it ran forward.
        let sentDown: Matrix;
        if (prediction === null || prediction === gradient || i === 0) {
          sentDown = layer.backward(gradient);
        } else {
          // The generator below learns toward what the unshaped ĝ sends down; the layer learns from the shaped one.
          const unshaped = layer.backward(prediction);
          sentDown = this.#target[i] = bufferOfShape(this.#target[i], unshaped.rows, unshaped.cols, unshaped).copyFrom(unshaped);
          layer.backward(gradient);
        }
        layer.update(learningRate);
        if (i > 0) layers[i - 1].synthesis!.generator.update(sentDown, generatorRate);
        else sentDownFirst = sentDown;
      }
      if (holdsLoss && synthesis !== null) synthesis.generator.update(this.#lossGradient!, generatorRate);
      layerInput = layerOutput;
    }
    this.#ranThrough = id;
    return { output: layerInput, sentDown: sentDownFirst, loss };
  }

  /**
   * The boundary generator learns toward `target` for batch `id` (the next id to learn); a null
   * target (the stage above skipped its update) only marks it learnt.
   */
  learn(id: number, target: Matrix | null, generatorRate: number): void {
    const boundary = this.#boundary;
    if (boundary === null) throw new Error('DniStage.learn: this stage holds the last layer and has no boundary generator');
    if (id !== this.#learnedThrough + 1 || id > this.#ranThrough) {
      throw new Error(`DniStage.learn: target for batch ${id}, expected batch ${this.#learnedThrough + 1} (ran through ${this.#ranThrough})`);
    }
    if (target !== null) {
      const slot = this.#kept[id % this.#kept.length];
      if (slot.id !== id) throw new Error(`DniStage.learn: the features of batch ${id} were overwritten (kept ${this.#kept.length} batches)`);
      const generator = boundary.synthesis!.generator;
      generator.predict(slot.features!, true);
      generator.update(target, generatorRate);
    }
    this.#learnedThrough = id;
  }

  #keep(id: number, features: Matrix): void {
    const slot = this.#kept[id % this.#kept.length];
    if (slot.id >= 0 && slot.id > this.#learnedThrough) {
      throw new Error(`DniStage.run: batch ${slot.id}'s target has not arrived; keeping ${this.#kept.length} batches is too few`);
    }
    slot.features = bufferOfShape(slot.features, features.rows, features.cols, features);
    slot.features.data.set(features.data);
    slot.id = id;
  }
}
