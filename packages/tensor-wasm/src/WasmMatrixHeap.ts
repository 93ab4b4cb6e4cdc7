import type { WasmArena } from './WasmArena.js';
import { WasmMatrix, type WasmBlock } from './WasmMatrix.js';

const ALIGN = 64;
// As in the arena: the GEMM may read a few values past an operand it reads in place.
const TAIL_PADDING = 64;

/**
 * The blocks of resident matrices in one backend's memory. A block is reserved once per size
 * class and handed out again from a free list once every `data` view on it has been collected
 * (FinalizationRegistry), so a training run that keeps its buffers reaches a fixed size.
 * Views stay valid when the memory grows: the memory is shared, and a SharedArrayBuffer is never
 * detached.
 */
export class WasmMatrixHeap {
  private readonly free = new Map<number, number[]>();
  private readonly registry = new FinalizationRegistry<WasmBlock>((block) => this.release(block));
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
    const block: WasmBlock = { heap: this, offset, bytes, capacity: (bytes - TAIL_PADDING) / 8, views: 0 };
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
    block.views++;
    this.registry.register(data, block);
    return new WasmMatrix(rows, cols, data, block);
  }

  private release(block: WasmBlock): void {
    if (--block.views > 0) return;
    this.liveBlocks--;
    const list = this.free.get(block.bytes);
    if (list === undefined) this.free.set(block.bytes, [block.offset]);
    else list.push(block.offset);
  }
}
