/**
 * The buffers of a module's forward passes, one record per slot ({@link StepContext.slot}), made on
 * first use and reused after: once every slot in use has seen its batch size, a step allocates nothing.
 *
 * The rule that follows: the result and pullback of a forward in slot s stay valid until the same
 * module runs forward again in slot s. One forward at a time per module needs only slot 0; a
 * recurrent cell applied T times keeps T pullbacks alive with slots 0 … T − 1.
 *
 * @example
 * ```ts
 * const slots = new Workspace((index) => new DenseSlot(index));
 * const slot = slots.get(ctx.slot ?? 0);   // same record every step
 * ```
 */
export class Workspace<S> {
  readonly #slots: S[] = [];

  constructor(
    readonly owner: string,
    private readonly create: (index: number) => S,
  ) {}

  /** The record of slot `index`, made on first use. */
  get(index: number): S {
    const slot = this.#slots[index];
    if (slot !== undefined) return slot;
    if (!Number.isInteger(index) || index < 0) {
      throw new RangeError(`${this.owner}: workspace slot must be a non-negative integer, got ${index}`);
    }
    return (this.#slots[index] = this.create(index));
  }

  /** How many slots have been made (the highest index used + 1). */
  get size(): number {
    return this.#slots.length;
  }
}
