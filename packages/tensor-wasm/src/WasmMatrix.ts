import { Matrix, type MatrixData } from '@synthgrad/tensor';
import type { WasmMatrixHeap } from './WasmMatrixHeap.js';

/** A block of wasm memory that holds one resident matrix's values (and its reshaped views'). */
export interface WasmBlock {
  readonly heap: WasmMatrixHeap;
  /** Byte offset in the memory. */
  readonly offset: number;
  /** Values the block holds. */
  readonly capacity: number;
  readonly lease: WasmLease;
}

/**
 * What the garbage collector's callback gets when a view of a block dies: the count of live views
 * and where the block goes back to. It holds its heap only weakly, so that a backend whose
 * matrices are all dead can be collected with its memory before the callbacks have run.
 */
export interface WasmLease {
  views: number;
  readonly offset: number;
  /** Bytes reserved, padding included: the free list's size class. */
  readonly bytes: number;
  readonly heap: WeakRef<WasmMatrixHeap>;
}

/**
 * A matrix whose values live in a {@link WasmBackend}'s memory: its `data` is a view of that
 * memory, and the backend's kernels read and write it in place. Made by `WasmBackend.zeros`;
 * `resized` (hence `bufferOfShape`) keeps it resident.
 */
export class WasmMatrix extends Matrix {
  /** The heap of the backend that holds it. */
  readonly heap: WasmMatrixHeap;
  /** Byte offset of its values in the memory (`data.byteOffset`, which costs a getter call). */
  readonly offset: number;

  constructor(rows: number, cols: number, data: MatrixData, readonly block: WasmBlock) {
    super(rows, cols, data);
    this.heap = block.heap;
    this.offset = block.offset;
  }

  override resized(rows: number, cols: number): Matrix {
    return this.block.heap.resized(this.block, rows, cols);
  }
}
