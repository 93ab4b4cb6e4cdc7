import { KERNELS_SHARED_WASM_BASE64, KERNELS_WASM_BASE64 } from './generated/kernelsWasm.js';
import { WebAssemblyApi, type WasmMemory, type WasmModule } from './wasmApi.js';

/** An element-wise kernel over n values at byte offset x (and y); out may equal x or y. */
type Unary = (x: number, out: number, n: number) => void;
type Binary = (x: number, y: number, out: number, n: number) => void;
type RowVector = (x: number, v: number, out: number, rows: number, cols: number) => void;
type ColumnReduction = (x: number, rows: number, cols: number, out: number) => void;

/** The exports of the AssemblyScript kernels (assembly/index.ts); every pointer is a byte offset. */
export interface Kernels {
  /** C[i0:i1, j0:j1] = op(A)·op(B), op(A)(i, p) = a[i·ars + p·acs], op(B)(p, j) = b[p·brs + j·bcs]. */
  gemm(
    a: number, ars: number, acs: number,
    b: number, brs: number, bcs: number,
    c: number, ldc: number,
    i0: number, i1: number, j0: number, j1: number, k: number,
    work: number,
  ): void;
  /** {@link Kernels.gemm} on float32 operands (byte offsets; strides in elements). */
  gemm32(
    a: number, ars: number, acs: number,
    b: number, brs: number, bcs: number,
    c: number, ldc: number,
    i0: number, i1: number, j0: number, j1: number, k: number,
    work: number,
  ): void;
  /** {@link Kernels.gemm} adding to C: C[i0:i1, j0:j1] += op(A)·op(B). */
  gemmAdd(
    a: number, ars: number, acs: number,
    b: number, brs: number, bcs: number,
    c: number, ldc: number,
    i0: number, i1: number, j0: number, j1: number, k: number,
    work: number,
  ): void;
  /** {@link Kernels.gemmAdd} on float32 operands. */
  gemmAdd32(
    a: number, ars: number, acs: number,
    b: number, brs: number, bcs: number,
    c: number, ldc: number,
    i0: number, i1: number, j0: number, j1: number, k: number,
    work: number,
  ): void;
  readonly GEMM_WORK_BYTES: { readonly value: number };
  /** Bytes of the control block `gemmChunks` reads (assembly/gemmChunks.ts). */
  readonly CONTROL_BYTES: { readonly value: number };
  /** Claims and computes chunks of the job in the control block at `control` (GemmThreads). */
  gemmChunks(control: number, seq: number, work: number): void;
  add: Binary;
  sub: Binary;
  mul: Binary;
  scale(x: number, factor: number, out: number, n: number): void;
  addScaled(x: number, y: number, factor: number, out: number, n: number): void;
  sigmoid: Unary;
  sigmoidBackward: Binary;
  tanh: Unary;
  tanhBackward: Binary;
  relu: Unary;
  reluBackward: Binary;
  clip(x: number, lo: number, hi: number, out: number, n: number): void;
  addRowVector: RowVector;
  mulRowVector: RowVector;
  sumColumns: ColumnReduction;
  meanColumns: ColumnReduction;
  varianceColumns(x: number, rows: number, cols: number, mean: number, out: number): void;
  dot(x: number, y: number, n: number): number;
  allFinite(x: number, n: number): number;
  // The same ops on float32 values (byte offsets; scalars rounded to float32 where they enter
  // f32x4 arithmetic). Sums accumulate in float64 and return it; column results are rounded once.
  add32: Binary;
  sub32: Binary;
  mul32: Binary;
  scale32(x: number, factor: number, out: number, n: number): void;
  addScaled32(x: number, y: number, factor: number, out: number, n: number): void;
  sigmoid32: Unary;
  sigmoidBackward32: Binary;
  tanh32: Unary;
  tanhBackward32: Binary;
  relu32: Unary;
  reluBackward32: Binary;
  clip32(x: number, lo: number, hi: number, out: number, n: number): void;
  addRowVector32: RowVector;
  mulRowVector32: RowVector;
  sumColumns32: ColumnReduction;
  meanColumns32: ColumnReduction;
  /** Needs no scratch (both passes stay in registers), unlike the float64 kernel. */
  varianceColumns32: ColumnReduction;
  dot32(x: number, y: number, n: number): number;
  allFinite32(x: number, n: number): number;
}

const compiled: { plain?: WasmModule; shared?: WasmModule } = {};

/**
 * The kernels' module for a plain or a shared memory, compiled synchronously (about 31 KiB) once
 * per thread.
 */
export function kernelsModule(shared: boolean): WasmModule {
  if (shared) compiled.shared ??= new WebAssemblyApi.Module(decodeBase64(KERNELS_SHARED_WASM_BASE64));
  else compiled.plain ??= new WebAssemblyApi.Module(decodeBase64(KERNELS_WASM_BASE64));
  return (shared ? compiled.shared : compiled.plain)!;
}

/** An instance of `module` working on `memory` (shared exactly when the module wants it so). */
export function instantiateKernels(memory: WasmMemory, module: WasmModule): Kernels {
  return new WebAssemblyApi.Instance(module, { env: { memory } }).exports as Kernels;
}

function decodeBase64(text: string): Uint8Array {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}
