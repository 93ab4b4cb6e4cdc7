import type { DType } from '@synthgrad/tensor';
import type { ElementBytes, WasmArena } from './WasmArena.js';
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
 * The blocks of resident matrices (float64 or float32) in one backend's memory. A block is reserved once per size
 * class and handed out again from a free list once every `data` view on it has been collected
 * (FinalizationRegistry), so a training run that keeps its buffers reaches a fixed size.
 * Views stay valid when the memory grows: the memory is shared, and a SharedArrayBuffer is never
 * detached.
 */
export class WasmMatrixHeap {
  private readonly free = new Map<number, number[]>();
  private readonly self = new WeakRef(this);
  private liveBlocks = 0;
  private readonly bytes: ElementBytes;

  /** Blocks for matrices of `dtype` (float64 by default): 8 or 4 bytes a value. */
  constructor(
    private readonly arena: WasmArena,
    readonly dtype: DType = 'float64',
  ) {
    this.bytes = dtype === 'float32' ? 4 : 8;
  }

  /** Blocks with at least one live view. */
  get blocksInUse(): number {
    return this.liveBlocks;
  }

  /** A zero-filled rows × cols resident matrix. */
  zeros(rows: number, cols: number): WasmMatrix {
    const count = rows * cols;
    const size = this.bytes;
    const bytes = Math.ceil((count * size + TAIL_PADDING) / ALIGN) * ALIGN;
    const offset = this.free.get(bytes)?.pop() ?? this.arena.reserveBlock(bytes - TAIL_PADDING);
    const lease: WasmLease = { views: 0, offset, bytes, heap: this.self };
    const block: WasmBlock = { heap: this, offset, capacity: Math.floor((bytes - TAIL_PADDING) / size), lease };
    this.liveBlocks++;
    // A block comes from the free list or from where the last op's scratch values were.
    const values = size === 8 ? this.arena.f64 : this.arena.f32;
    values.fill(0, offset / size, offset / size + count);
    return this.view(block, rows, cols);
  }

  /** A rows × cols matrix on `block` when it holds enough values, else a new zero-filled one. */
  resized(block: WasmBlock, rows: number, cols: number): WasmMatrix {
    return rows * cols <= block.capacity ? this.view(block, rows, cols) : this.zeros(rows, cols);
  }

  private view(block: WasmBlock, rows: number, cols: number): WasmMatrix {
    // The memory's buffer now: a view on it covers the block even if it was reserved after
    // an older buffer object's length.
    const buffer = this.arena.f64.buffer;
    const data = this.bytes === 8 ? new Float64Array(buffer, block.offset, rows * cols) : new Float32Array(buffer, block.offset, rows * cols);
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
