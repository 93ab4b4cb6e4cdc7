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

  /** Byte offset of room for `count` float64 values (64-byte aligned, padded). */
  allocate(count: number): number {
    return this.allocateBytes(count * 8);
  }

  /** Copies `values` into the arena; returns their byte offset. */
  put(values: MatrixData): number {
    const n = values.length;
    const offset = this.allocate(n);
    const start = offset >>> 3;
    if (n <= SMALL_COPY) {
      const f64 = this.f64;
      for (let i = 0; i < n; i++) f64[start + i] = values[i];
    } else {
      this.f64.set(values, start);
    }
    return offset;
  }

  /** Copies `target.length` values from byte offset `offset` into `target`. */
  get(offset: number, target: MatrixData): void {
    const start = offset >>> 3;
    const n = target.length;
    if (n <= SMALL_COPY) {
      const f64 = this.f64;
      for (let i = 0; i < n; i++) target[i] = f64[start + i];
    } else {
      target.set(this.f64.subarray(start, start + n));
    }
  }

  /** Copies `values`, rounded to float32, into the arena; returns their byte offset. */
  putFloat32(values: MatrixData): number {
    const offset = this.allocateBytes(values.length * 4);
    this.f32.set(values, offset >>> 2);
    return offset;
  }

  /** Byte offset of room for `count` float32 values. */
  allocateFloat32(count: number): number {
    return this.allocateBytes(count * 4);
  }

  /** Copies `target.length` float32 values from byte offset `offset`, widened, into `target`. */
  getFloat32(offset: number, target: MatrixData): void {
    const start = offset >>> 2;
    target.set(this.f32.subarray(start, start + target.length));
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
