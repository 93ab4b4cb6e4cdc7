/** The main thread's index in {@link PipelineControl}'s doorbells (stages are 0..K−1). */
export const MAIN = -1;

const STOP = 0;

/** `Atomics.waitAsync` (Node ≥ 16; typed only from lib ES2024). */
interface AtomicsWithWaitAsync {
  waitAsync(array: Int32Array, index: number, value: number, timeout: number): { async: false; value: string } | { async: true; value: Promise<string> };
}
const FIRST_BELL = 1;

/**
 * The words every thread of a pipeline shares: a stop flag, one doorbell per thread (the main
 * thread's and each stage's), and each stage's progress (highest batch run, highest target learnt).
 * A thread waits on its own doorbell after checking its condition: whoever changes that condition
 * (a slot committed or released, a stop) rings the bell afterwards, so no wake-up is lost.
 */
export class PipelineControl {
  readonly buffer: SharedArrayBuffer;
  readonly stages: number;
  readonly #words: Int32Array;

  constructor(stages: number, buffer?: SharedArrayBuffer) {
    this.stages = stages;
    this.buffer = buffer ?? new SharedArrayBuffer((FIRST_BELL + 1 + 3 * stages) * 4);
    this.#words = new Int32Array(this.buffer);
    if (buffer === undefined) for (let k = 0; k < stages; k++) this.#words[this.#ran(k)] = this.#words[this.#learnt(k)] = -1;
  }

  get stopped(): boolean {
    return Atomics.load(this.#words, STOP) !== 0;
  }

  /** Asks every thread to stop and wakes them all. */
  stop(): void {
    Atomics.store(this.#words, STOP, 1);
    for (let who = MAIN; who < this.stages; who++) this.ring(who);
  }

  /** The current value of `who`'s doorbell: read it before checking the condition waited for. */
  bell(who: number): number {
    return Atomics.load(this.#words, FIRST_BELL + 1 + who);
  }

  ring(who: number): void {
    const index = FIRST_BELL + 1 + who;
    Atomics.add(this.#words, index, 1);
    Atomics.notify(this.#words, index);
  }

  /** Blocks (a worker thread only) until `who`'s bell moves past `seen` or `ms` pass. */
  wait(who: number, seen: number, ms: number): void {
    Atomics.wait(this.#words, FIRST_BELL + 1 + who, seen, ms);
  }

  /** The same wait without blocking the event loop (the main thread). */
  async waitAsync(who: number, seen: number, ms: number): Promise<void> {
    const result = (Atomics as unknown as AtomicsWithWaitAsync).waitAsync(this.#words, FIRST_BELL + 1 + who, seen, ms);
    if (result.async) await result.value;
  }

  ranThrough(stage: number): number {
    return Atomics.load(this.#words, this.#ran(stage));
  }

  learnedThrough(stage: number): number {
    return Atomics.load(this.#words, this.#learnt(stage));
  }

  setProgress(stage: number, ran: number, learnt: number): void {
    Atomics.store(this.#words, this.#ran(stage), ran);
    Atomics.store(this.#words, this.#learnt(stage), learnt);
  }

  #ran(stage: number): number {
    return FIRST_BELL + 1 + this.stages + stage;
  }

  #learnt(stage: number): number {
    return FIRST_BELL + 1 + 2 * this.stages + stage;
  }
}
