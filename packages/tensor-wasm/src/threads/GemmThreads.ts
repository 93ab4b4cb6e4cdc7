import type { Kernels } from '../Kernels.js';
import type { WasmArena } from '../WasmArena.js';
import type { WasmModule } from '../wasmApi.js';

/** Int32 indices of the control block's fields (see assembly/gemmChunks.ts). */
const FIELDS = {
  state: 0, finished: 1, a: 2, ars: 3, acs: 4, b: 5, brs: 6, bcs: 7, c: 8, m: 9, n: 10, k: 11,
  chunks: 12, chunkSize: 13, rows: 14, float32: 15, ready: 16, length: 17,
} as const;
// Column or row blocks are multiples of the micro-kernel's 2 × 8 tile (either way round).
const TILE = 8;
// Chunks per thread: enough for a late thread to be covered, few enough that the operand each
// chunk packs for itself is not packed too often (8 per thread ran the MNIST-shaped MLP 25%
// slower than 2).
const CHUNKS_PER_THREAD = 2;
// Spins on the finished count before sleeping: a chunk ends within microseconds of another.
const SPINS = 2000;

interface WorkerLike {
  unref(): void;
  terminate(): Promise<number>;
  once(event: 'message' | 'error' | 'exit', listener: () => void): void;
}

interface WorkerThreadsModule {
  Worker: new (url: URL, options: { workerData: unknown }) => WorkerLike;
}

/**
 * Worker threads that share the wasm memory and help with large products: a job is split into
 * row or column blocks of C that the calling thread and the workers claim one at a time. Workers
 * start asynchronously; until one is ready every product runs on the calling thread.
 */
export class GemmThreads {
  private readonly words: Int32Array;
  private readonly control: number;
  private readonly workers: WorkerLike[] = [];
  private seq = 0;
  /** Resolves once every worker has started or failed to. */
  readonly started: Promise<void>;

  constructor(module: WasmModule, kernels: Kernels, arena: WasmArena, count: number) {
    if (kernels.CONTROL_BYTES.value !== FIELDS.length * 4) {
      throw new Error(`GemmThreads: the kernels' control block has ${kernels.CONTROL_BYTES.value} bytes, FIELDS ${FIELDS.length * 4}`);
    }
    const threads = workerThreads();
    const workBytes = kernels.GEMM_WORK_BYTES.value;
    this.control = arena.reservePermanent(FIELDS.length * 4);
    this.words = new Int32Array(arena.memory.buffer, this.control, FIELDS.length);
    if (threads === undefined) {
      this.started = Promise.resolve();
      return;
    }
    const work = arena.reservePermanent(count * workBytes);
    for (let i = 0; i < count; i++) {
      const worker = new threads.Worker(new URL('./gemmWorker.mjs', import.meta.url), {
        workerData: { module, memory: arena.memory, control: this.control, work: work + i * workBytes, fields: FIELDS },
      });
      // Idle workers sleep in Atomics.wait; they must not keep the process alive.
      worker.unref();
      this.workers.push(worker);
    }
    this.started = Promise.all(
      this.workers.map(
        (worker) =>
          new Promise<void>((resolve) => {
            worker.once('message', resolve);
            worker.once('error', resolve);
            worker.once('exit', resolve);
          }),
      ),
    ).then(() => undefined);
  }

  /** Workers that have started and can take part. */
  get ready(): number {
    return Atomics.load(this.words, FIELDS.ready);
  }

  /** C (m×n, at byte offset c) = op(A)·op(B), in float64 or float32, shared with the ready workers. */
  gemm(
    kernels: Kernels, work: number, float32: boolean,
    a: number, ars: number, acs: number, b: number, brs: number, bcs: number,
    c: number, m: number, n: number, k: number,
  ): void {
    const words = this.words;
    const parts = (this.ready + 1) * CHUNKS_PER_THREAD;
    // Each column block packs all of op(A), each row block all of op(B): split so that the
    // smaller one is repacked.
    const rows = m >= n;
    const extent = rows ? m : n;
    const chunkSize = Math.max(TILE, Math.ceil(extent / parts / TILE) * TILE);
    const chunks = Math.ceil(extent / chunkSize);
    words[FIELDS.a] = a;
    words[FIELDS.ars] = ars;
    words[FIELDS.acs] = acs;
    words[FIELDS.b] = b;
    words[FIELDS.brs] = brs;
    words[FIELDS.bcs] = bcs;
    words[FIELDS.c] = c;
    words[FIELDS.m] = m;
    words[FIELDS.n] = n;
    words[FIELDS.k] = k;
    words[FIELDS.chunks] = chunks;
    words[FIELDS.chunkSize] = chunkSize;
    words[FIELDS.rows] = rows ? 1 : 0;
    words[FIELDS.float32] = float32 ? 1 : 0;
    Atomics.store(words, FIELDS.finished, 0);
    this.seq = (this.seq % 0x7fff) + 1;
    Atomics.store(words, FIELDS.state, this.seq << 16);
    Atomics.notify(words, FIELDS.state);
    kernels.gemmChunks(this.control, this.seq, work);
    let spins = 0;
    for (let done = Atomics.load(words, FIELDS.finished); done < chunks; done = Atomics.load(words, FIELDS.finished)) {
      if (++spins > SPINS) Atomics.wait(words, FIELDS.finished, done);
    }
  }

  dispose(): void {
    for (const worker of this.workers) void worker.terminate();
    this.workers.length = 0;
    Atomics.store(this.words, FIELDS.ready, 0);
  }
}

/** `node:worker_threads` where the runtime has it (Node.js ≥ 20.16), loaded synchronously. */
function workerThreads(): WorkerThreadsModule | undefined {
  const process = (globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } }).process;
  return process?.getBuiltinModule?.('node:worker_threads') as WorkerThreadsModule | undefined;
}
