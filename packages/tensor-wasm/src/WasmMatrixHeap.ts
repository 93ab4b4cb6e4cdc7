import type { WasmArena } from './WasmArena.js';
import { WasmMatrix, type WasmBlock, type WasmLease } from './WasmMatrix.js';

const ALIGN = 64;
// As in the arena: the GEMM may read a few values past an operand it reads in place.
const TAIL_PADDING = 64;

// One registry for every heap: a registry holds what it will hand its callback until the callback
// has run, so held values must not keep a heap (and its memory) alive.
const collected = new FinalizationRegistry<WasmLease>((lease) => {
  if (--lease.views === 0) lease.heap.deref()?.reclaim(lease);
});

/**
 * The blocks of resident matrices in one backend's memory. A block is reserved once per size
 * class and handed out again from a free list once every `data` view on it has been collected
 * (FinalizationRegistry), so a training run that keeps its buffers reaches a fixed size.
 * Views stay valid when the memory grows: the memory is shared, and a SharedArrayBuffer is never
 * detached.
 */
export class WasmMatrixHeap {
  private readonly free = new Map<number, number[]>();
  private readonly self = new WeakRef(this);
  private liveBlocks = 0;

  constructor(private readonly arena: WasmArena) {}

  /** Blocks with at least one live view. */
  get blocksInUse(): number {
    return this.liveBlocks;
  }

  /** A zero-filled rows × cols resident matrix. */
  zeros(rows: number, cols: number): WasmMatrix {
    const count = rows * cols;
    const bytes = Math.ceil((count * 8 + TAIL_PADDING) / ALIGN) * ALIGN;
    const offset = this.free.get(bytes)?.pop() ?? this.arena.reserveBlock(bytes - TAIL_PADDING);
    const lease: WasmLease = { views: 0, offset, bytes, heap: this.self };
    const block: WasmBlock = { heap: this, offset, capacity: (bytes - TAIL_PADDING) / 8, lease };
    this.liveBlocks++;
    // A block comes from the free list or from where the last op's scratch values were.
    this.arena.f64.fill(0, offset >>> 3, (offset >>> 3) + count);
    return this.view(block, rows, cols);
  }

  /** A rows × cols matrix on `block` when it holds enough values, else a new zero-filled one. */
  resized(block: WasmBlock, rows: number, cols: number): WasmMatrix {
    return rows * cols <= block.capacity ? this.view(block, rows, cols) : this.zeros(rows, cols);
  }

  private view(block: WasmBlock, rows: number, cols: number): WasmMatrix {
    const data = new Float64Array(this.arena.f64.buffer, block.offset, rows * cols);
    block.lease.views++;
    collected.register(data, block.lease);
    return new WasmMatrix(rows, cols, data, block);
  }

  /** Takes back the block of `lease`, whose last view has been collected. */
  reclaim(lease: WasmLease): void {
    this.liveBlocks--;
    const list = this.free.get(lease.bytes);
    if (list === undefined) this.free.set(lease.bytes, [lease.offset]);
    else list.push(lease.offset);
  }
}
