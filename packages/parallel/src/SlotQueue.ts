import { Matrix } from '@synthgrad/tensor';

/** Integer fields of a slot's header. */
export const SlotField = { Kind: 0, Id: 1, Rows: 2, Epoch: 3, Step: 4, Skipped: 5 } as const;
export type SlotField = (typeof SlotField)[keyof typeof SlotField];

/** What a slot holds. */
export const SlotKind = { Batch: 1, Drain: 2 } as const;

const HEADER_INTS = 8;
const COUNTERS = 2; // head, tail: monotonic counts of slots popped and pushed
const HEAD = 0;
const TAIL = 1;

/** Shape of the matrices a queue carries: columns of each, at most `maxRows` rows. */
export interface SlotLayout {
  readonly capacity: number;
  readonly maxRows: number;
  /** Columns of each matrix in a slot, in order (e.g. `[h, inputs, labels]`). */
  readonly columns: readonly number[];
}

/**
 * A bounded single-producer single-consumer queue of fixed-size slots in one `SharedArrayBuffer`:
 * each slot has a small integer header ({@link SlotField}) and room for one or more matrices of at
 * most `maxRows` rows. The producer writes a slot in place and {@link commit}s it; the consumer reads
 * it in place and {@link release}s it, so nothing is allocated per step (matrix views are made once
 * per slot and row count). Waiting is left to the caller (a `Doorbells` word per thread): the queue
 * only counts.
 */
export class SlotQueue {
  readonly buffer: SharedArrayBuffer;
  readonly layout: SlotLayout;
  readonly #counters: Int32Array;
  readonly #headers: Int32Array;
  readonly #floats: Float64Array;
  readonly #slotFloats: number;
  readonly #offsets: number[];
  readonly #views: Map<number, Matrix[]>[];

  constructor(layout: SlotLayout, buffer?: SharedArrayBuffer) {
    const { capacity, maxRows, columns } = layout;
    if (!Number.isInteger(capacity) || capacity < 1) throw new RangeError(`SlotQueue: capacity must be a positive integer, got ${capacity}`);
    this.layout = layout;
    this.#offsets = [];
    let floats = 0;
    for (const cols of columns) {
      this.#offsets.push(floats);
      floats += maxRows * cols;
    }
    this.#slotFloats = floats;
    const intBytes = (COUNTERS + capacity * HEADER_INTS) * 4;
    const floatStart = Math.ceil(intBytes / 8) * 8;
    const bytes = floatStart + capacity * floats * 8;
    this.buffer = buffer ?? new SharedArrayBuffer(bytes);
    if (this.buffer.byteLength !== bytes) throw new RangeError(`SlotQueue: buffer has ${this.buffer.byteLength} bytes, the layout needs ${bytes}`);
    this.#counters = new Int32Array(this.buffer, 0, COUNTERS);
    this.#headers = new Int32Array(this.buffer, COUNTERS * 4, capacity * HEADER_INTS);
    this.#floats = new Float64Array(this.buffer, floatStart, capacity * floats);
    this.#views = Array.from({ length: capacity }, () => new Map());
  }

  /** Slots committed and not yet released. */
  get size(): number {
    return Atomics.load(this.#counters, TAIL) - Atomics.load(this.#counters, HEAD);
  }

  get full(): boolean {
    return this.size >= this.layout.capacity;
  }

  get empty(): boolean {
    return this.size === 0;
  }

  /** The slot the producer writes next (check {@link full} first). */
  get writeSlot(): number {
    return Atomics.load(this.#counters, TAIL) % this.layout.capacity;
  }

  /** The slot the consumer reads next (check {@link empty} first). */
  get readSlot(): number {
    return Atomics.load(this.#counters, HEAD) % this.layout.capacity;
  }

  header(slot: number, field: SlotField): number {
    return this.#headers[slot * HEADER_INTS + field];
  }

  setHeader(slot: number, field: SlotField, value: number): void {
    this.#headers[slot * HEADER_INTS + field] = value;
  }

  /** Views of the slot's matrices with `rows` rows (made once per slot and row count). */
  matrices(slot: number, rows: number): readonly Matrix[] {
    if (rows > this.layout.maxRows) throw new RangeError(`SlotQueue: ${rows} rows do not fit in slots of ${this.layout.maxRows}`);
    let views = this.#views[slot].get(rows);
    if (views === undefined) {
      const base = slot * this.#slotFloats;
      views = this.layout.columns.map(
        (cols, m) => new Matrix(rows, cols, this.#floats.subarray(base + this.#offsets[m], base + this.#offsets[m] + rows * cols)),
      );
      this.#views[slot].set(rows, views);
    }
    return views;
  }

  /** Publishes the write slot (its header and matrices written) to the consumer. */
  commit(): void {
    if (this.full) throw new Error('SlotQueue.commit: the queue is full');
    Atomics.add(this.#counters, TAIL, 1);
  }

  /** Hands the read slot back to the producer. */
  release(): void {
    if (this.empty) throw new Error('SlotQueue.release: the queue is empty');
    Atomics.add(this.#counters, HEAD, 1);
  }
}
