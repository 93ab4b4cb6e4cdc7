import { bufferOfShape, type Matrix } from '@synthgrad/tensor';

/**
 * A boundary generator's features per batch id, copied out of a {@link DniForwardPass} until the
 * batch's target arrives (slot = id mod the number kept).
 *
 * @example
 * ```ts
 * const kept = new KeptFeatures(2);
 * kept.keep(0, features, -1);  // batch 0; no target learnt yet
 * kept.features(0);            // the copy, until batch 2 takes its slot
 * ```
 */
export class KeptFeatures {
  readonly #slots: { id: number; features: Matrix | undefined }[];

  constructor(count: number) {
    this.#slots = Array.from({ length: count }, () => ({ id: -1, features: undefined }));
  }

  /** How many batches' features are kept: a target may arrive at most this many batches late. */
  get count(): number {
    return this.#slots.length;
  }

  /** Keeps at least `count` batches. */
  reserve(count: number): void {
    while (this.#slots.length < count) this.#slots.push({ id: -1, features: undefined });
  }

  /** Copies batch `id`'s features; the batch whose slot it takes must have been learnt (through `learnedThrough`). */
  keep(id: number, features: Matrix, learnedThrough: number): void {
    const slot = this.#slots[id % this.#slots.length];
    if (slot.id >= 0 && slot.id > learnedThrough) {
      throw new Error(`DniStage.run: batch ${slot.id}'s target has not arrived; keeping ${this.#slots.length} batches is too few`);
    }
    slot.features = bufferOfShape(slot.features, features.rows, features.cols, features);
    slot.features.data.set(features.data);
    slot.id = id;
  }

  /** Batch `id`'s features; throws when they were overwritten. */
  features(id: number): Matrix {
    const slot = this.#slots[id % this.#slots.length];
    if (slot.id !== id) throw new Error(`DniStage.learn: the features of batch ${id} were overwritten (kept ${this.#slots.length} batches)`);
    return slot.features!;
  }
}
