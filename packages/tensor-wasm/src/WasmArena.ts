import type { MatrixData } from '@synthgrad/tensor';
import { KERNELS_MAXIMUM_PAGES } from './generated/kernelsWasm.js';
import { PAGE_BYTES, WebAssemblyApi, type WasmMemory } from './wasmApi.js';

const ALIGN = 64;
// The GEMM reads whole register tiles: up to a few values past the end of an operand that lies
// in panel order. They are dropped, but must be inside memory.
const TAIL_PADDING = 64;
// Offsets below this stay unused: the kernels keep no statics, but null stays a trap.
const FIRST_OFFSET = PAGE_BYTES;
// Up to this many values are copied element by element: cheaper than a call of `set` (and, for
// copies out, than the view it needs).
const SMALL_COPY = 64;

/** Bytes of one value: 8 for float64, 4 for float32. */
export type ElementBytes = 8 | 4;

/**
 * The kernels' wasm memory: a permanent region (GEMM scratch, one per thread, and the blocks of
 * resident matrices), then a bump arena that every op resets, so memory grows only to the largest
 * op seen and then stays flat. Shared when worker threads or resident matrices use it.
 */
export class WasmArena {
  readonly memory: WasmMemory;
  /** Float64 and float32 views of the whole memory; replaced when the memory grows. */
  f64: Float64Array;
  f32: Float32Array;
  private base = FIRST_OFFSET;
  private top = FIRST_OFFSET;
  // memory.buffer.byteLength, kept here: the buffer getter is not free on every allocation.
  private size: number;
  // V8 counts a plain memory's bytes as external memory, which makes it collect garbage sooner,
  // but not a shared memory's: a program that makes backend after backend (a suite, run after
  // run) would then keep every old memory until some unrelated collection. An ArrayBuffer of the
  // same size, never touched (address space, not RAM), makes V8 count them.
  private pressure: ArrayBuffer | undefined;

  constructor(readonly shared = false, initialPages = 64) {
    this.memory = new WebAssemblyApi.Memory({ initial: initialPages, maximum: KERNELS_MAXIMUM_PAGES, shared });
    this.f64 = new Float64Array(this.memory.buffer);
    this.f32 = new Float32Array(this.memory.buffer);
    this.size = this.f64.byteLength;
    this.countShared();
  }

  /** Bytes of wasm memory now. */
  get byteLength(): number {
    return this.size;
  }

  /** Reserves bytes that no `reset` gives back; only before the first op's allocations. */
  reservePermanent(bytes: number): number {
    if (this.top !== this.base) throw new Error('WasmArena: permanent memory after temporary allocations');
    const offset = this.allocateBytes(bytes);
    this.base = this.top;
    return offset;
  }

  /**
   * Reserves `bytes` (64-byte aligned, padded) that no `reset` gives back, between ops: the block of
   * a resident matrix. Temporary values of the last op may be overwritten.
   */
  reserveBlock(bytes: number): number {
    this.top = this.base;
    const offset = this.allocateBytes(bytes);
    this.base = this.top;
    return offset;
  }

  /** Frees every temporary allocation. */
  reset(): void {
    this.top = this.base;
  }

  /** Byte offset of room for `count` values of `bytes` each (64-byte aligned, padded). */
  allocate(count: number, bytes: ElementBytes = 8): number {
    return this.allocateBytes(count * bytes);
  }

  /**
   * Copies `values` into the arena as float64 (`bytes` 8) or float32 (4) values, converting when
   * their type differs (rounding to float32 on the way in); returns their byte offset.
   */
  put(values: MatrixData, bytes: ElementBytes = 8): number {
    const n = values.length;
    const offset = this.allocate(n, bytes);
    const view = bytes === 8 ? this.f64 : this.f32;
    const start = offset / bytes;
    if (n <= SMALL_COPY) {
      for (let i = 0; i < n; i++) view[start + i] = values[i];
    } else {
      view.set(values, start);
    }
    return offset;
  }

  /**
   * Copies `target.length` float64 (`bytes` 8) or float32 (4) values from byte offset `offset`
   * into `target`, converting when its type differs.
   */
  get(offset: number, target: MatrixData, bytes: ElementBytes = 8): void {
    const view = bytes === 8 ? this.f64 : this.f32;
    const start = offset / bytes;
    const n = target.length;
    if (n <= SMALL_COPY) {
      for (let i = 0; i < n; i++) target[i] = view[start + i];
    } else {
      target.set(view.subarray(start, start + n));
    }
  }

  private allocateBytes(bytes: number): number {
    const offset = this.top;
    const end = offset + bytes + TAIL_PADDING;
    this.top = Math.ceil(end / ALIGN) * ALIGN;
    if (this.top > this.size) this.grow(this.top);
    return offset;
  }

  private grow(bytes: number): void {
    const pages = Math.ceil(bytes / PAGE_BYTES) - this.size / PAGE_BYTES;
    // A plain memory's old buffer is detached by growing: every view is made anew.
    this.memory.grow(pages);
    this.f64 = new Float64Array(this.memory.buffer);
    this.f32 = new Float32Array(this.memory.buffer);
    this.size = this.f64.byteLength;
    this.countShared();
  }

  private countShared(): void {
    if (this.shared) this.pressure = new ArrayBuffer(this.size);
  }
}
