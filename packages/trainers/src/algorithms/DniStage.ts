import type { Loss } from '@synthgrad/layers';
import { bufferOfShape, type Matrix, type Rng } from '@synthgrad/tensor';
import type { DecoupledLayer } from './DecoupledLayer.js';
import { DniForwardPass } from './DniForwardPass.js';
import { KeptFeatures } from './KeptFeatures.js';
import { PLAIN_POLICY, type SyntheticGradientPolicy } from './SyntheticGradientPolicy.js';

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
 * Each layer applies what its {@link SyntheticGradientPolicy} chooses (plain or shaped: a stage
 * cannot back-propagate the true gradient). The simulated schedule on one thread and the threaded
 * one run this same code.
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
  readonly #pass: DniForwardPass;
  /** Features of the boundary generator per batch id. */
  readonly #kept: KeptFeatures;
  readonly #boundary: DecoupledLayer | null;
  readonly #policy: SyntheticGradientPolicy;
  /** Per layer: the gradient its unshaped ĝ sends down (the target of the generator below), when it applies another. */
  readonly #target: (Matrix | undefined)[] = [];
  #lossGradient: Matrix | undefined;
  #learnedThrough = -1;
  #ranThrough = -1;
  /** The batch being run, for the layers learning in its pass. */
  #id = -1;
  #labels: Matrix | undefined;
  #learningRate = 0;
  #generatorRate = 0;
  #lossValue = Number.NaN;
  #sentDownFirst: Matrix | null = null;

  /**
   * @param loss the network's loss when the stage holds its last layer, else null (then the last
   *   layer's generator is the boundary's).
   * @param keep how many batches' boundary features to keep (the most targets ever outstanding).
   * @param policy how layers use ĝ (default: as predicted, plain DNI); one that back-propagates is refused.
   */
  constructor(
    layers: readonly DecoupledLayer[],
    loss: Loss | null,
    updateProbability: number,
    rng: Rng,
    keep: number,
    policy: SyntheticGradientPolicy = PLAIN_POLICY,
  ) {
    if (policy.backpropagates) throw new Error(`DniStage: the ${policy.name} policy back-propagates the true gradient, which a stage cannot`);
    this.#policy = policy;
    this.#layers = layers;
    this.#loss = loss;
    this.#updateProbability = updateProbability;
    this.#rng = rng;
    this.#pass = new DniForwardPass(layers);
    this.#boundary = loss === null ? layers[layers.length - 1] : null;
    this.#kept = new KeptFeatures(keep);
  }

  /** How many batches' boundary features the stage keeps: a target may arrive at most this many batches late. */
  get keep(): number {
    return this.#kept.count;
  }

  /**
   * Keeps the boundary features of at least `keep` batches, for schedules whose targets arrive later
   * than lock-step's (threaded `async` stages). Only before the first run.
   */
  reserve(keep: number): void {
    if (this.#ranThrough >= 0) throw new Error('DniStage.reserve: the stage has already run');
    this.#kept.reserve(keep);
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
    this.#id = id;
    this.#labels = labels;
    this.#learningRate = learningRate;
    this.#generatorRate = generatorRate;
    this.#lossValue = Number.NaN;
    this.#sentDownFirst = null;
    const output = this.#pass.run(stageInput, inputs, labels, true, this.#learnLayer);
    this.#labels = undefined;
    this.#ranThrough = id;
    return { output, sentDown: this.#sentDownFirst, loss: this.#lossValue };
  }

  /** Layer i, right after its forward pass: it learns at once, and the generator below learns from what it sends down. */
  readonly #learnLayer = (i: number): void => {
    const pass = this.#pass;
    const layers = this.#layers;
    const last = layers.length - 1;
    const { layer, synthesis } = layers[i];
    const holdsLoss = i === last && this.#loss !== null;
    if (holdsLoss) {
      const layerOutput = pass.outputs[i];
      const labels = this.#labels!;
      this.#lossValue = this.#loss!.value(layerOutput, labels);
      this.#lossGradient = bufferOfShape(this.#lossGradient, layerOutput.rows, layerOutput.cols, layerOutput);
      this.#loss!.gradient(layerOutput, labels, this.#lossGradient);
    }
    const prediction = pass.predictions[i];
    if (synthesis !== null && i === last && !holdsLoss) this.#kept.keep(this.#id, pass.features[i]!, this.#learnedThrough);
    const gradient = this.#policy.applied(i, prediction, holdsLoss ? this.#lossGradient! : null)!;
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
      layer.update(this.#learningRate);
      if (i > 0) layers[i - 1].synthesis!.generator.update(sentDown, this.#generatorRate);
      else this.#sentDownFirst = sentDown;
    }
    if (holdsLoss && synthesis !== null) synthesis.generator.update(this.#lossGradient!, this.#generatorRate);
  };

  /**
   * The boundary generator learns toward `target` for batch `id` (the next id to learn); a null
   * target (the stage above skipped its update) only marks it learnt.
   *
   * The generator predicts again from the kept features rather than reusing the ĝ recorded when the
   * batch ran: it has learnt since (the target of the batch before, at least), so its step is taken at
   * its current weights, and its layers' caches (inputs, batch-norm statistics) hold its latest call.
   */
  learn(id: number, target: Matrix | null, generatorRate: number): void {
    const boundary = this.#boundary;
    if (boundary === null) throw new Error('DniStage.learn: this stage holds the last layer and has no boundary generator');
    if (id !== this.#learnedThrough + 1 || id > this.#ranThrough) {
      throw new Error(`DniStage.learn: target for batch ${id}, expected batch ${this.#learnedThrough + 1} (ran through ${this.#ranThrough})`);
    }
    if (target !== null) {
      const generator = boundary.synthesis!.generator;
      generator.predict(this.#kept.features(id), true);
      generator.update(target, generatorRate);
    }
    this.#learnedThrough = id;
  }
}
