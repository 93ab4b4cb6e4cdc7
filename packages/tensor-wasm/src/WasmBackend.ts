import {
  assertClipBounds,
  assertRowVectorFits,
  assertSameShape,
  CpuBackend,
  resultMatrix,
  Matrix,
  prepareMatmul,
  type MatmulOptions,
  type TensorBackend,
} from '@synthgrad/tensor';
import { instantiateKernels, kernelsModule, type Kernels } from './Kernels.js';
import { GemmThreads } from './threads/GemmThreads.js';
import { WasmArena } from './WasmArena.js';
import { WasmMatrix } from './WasmMatrix.js';
import { WasmMatrixHeap } from './WasmMatrixHeap.js';
import { sharedMemoryAvailable } from './sharedMemoryAvailable.js';

/** Options of {@link WasmBackend}. */
export interface WasmBackendOptions {
  /**
   * Threads a large product may use, the calling one included (default 1: no workers). With 2 or
   * more, `threads − 1` worker threads share the wasm memory; products of at least
   * `minParallelFlops` are split between them. Node.js only (`worker_threads`).
   */
  readonly threads?: number;
  /** Smallest product, in flops (2·m·k·n), that is split across threads (default 4 000 000). */
  readonly minParallelFlops?: number;
  /**
   * Arithmetic of `matmul` (default `'float64'`). `'float32'` rounds both operands to float32 and
   * accumulates in float32, as tfjs does: about twice the GFLOP/s, with relative errors near
   * 1e-7·Σ|terms| instead of 1e-16, so it does not pass the 1e-12 contract checks. Matrices stay
   * `Float64Array`s and every other op stays float64.
   */
  readonly precision?: 'float64' | 'float32';
  /**
   * Whether `zeros` gives resident matrices, whose values live in wasm memory so that ops read and
   * write them without copying (default `false`: `zeros` gives ordinary matrices and every op
   * copies its operands in and its result out). Needs shared WebAssembly memory (Node.js,
   * cross-origin isolated pages); throws where there is none. Meant for a long-lived backend: a
   * process that makes backend after backend keeps old memories until a collection finds them.
   */
  readonly resident?: boolean;
}

type UnaryKernel = (x: number, out: number, n: number) => void;
type BinaryKernel = (x: number, y: number, out: number, n: number) => void;
type RowVectorKernel = (x: number, v: number, out: number, rows: number, cols: number) => void;
type ColumnKernel = (x: number, rows: number, cols: number, out: number) => void;

/**
 * The `wasm` backend: WebAssembly SIMD kernels (AssemblyScript, float64) behind the
 * {@link TensorBackend} contract. Matrices made by `zeros` (and `bufferOfShape` of them) are
 * resident: their `data` is a view of the wasm memory, and ops read and write them in place. Any
 * other matrix is copied into a scratch arena in wasm memory for the op, and a result for it
 * copied out. Results without `out` are ordinary matrices. The
 * product is a packed, transpose-aware GEMM; element-wise ops, activations with their fused
 * backward ops, and reductions run as SIMD loops. Ops that only move data (`map`, `transpose`,
 * `concatColumns`, `gatherRows`, `argmaxRows`) run in JavaScript, where copying in and out would
 * cost more than they do. Holds scratch memory (and any worker threads): share one instance per
 * thread, and `dispose()` it when done with threads.
 *
 * @example
 * ```ts
 * const wasm = new WasmBackend();
 * const x = Matrix.fromArray([[1, 2]]);
 * const w = Matrix.fromArray([[1, 0], [0, 1]]);
 * const h = wasm.sigmoid(wasm.matmul(x, w)); // 1×2, equal to the cpu backend's to 1e-12
 * ```
 */
export class WasmBackend implements TensorBackend {
  readonly name = 'wasm';

  private readonly arena: WasmArena;
  private readonly kernels: Kernels;
  private readonly gemmWork: number;
  private readonly threads: GemmThreads | undefined;
  private readonly minParallelFlops: number;
  private readonly float32: boolean;
  private readonly js = new CpuBackend();
  private readonly heap: WasmMatrixHeap | undefined;
  // What a resident matrix's `heap` is compared with: never an ordinary matrix's (undefined).
  private readonly owner: object;

  constructor(options: WasmBackendOptions = {}) {
    const threads = options.threads ?? 1;
    if (!Number.isInteger(threads) || threads < 1) {
      throw new RangeError(`WasmBackend: threads must be a positive integer, got ${threads}`);
    }
    const precision = options.precision ?? 'float64';
    if (precision !== 'float64' && precision !== 'float32') {
      throw new RangeError(`WasmBackend: precision must be 'float64' or 'float32', got ${String(precision)}`);
    }
    this.float32 = precision === 'float32';
    const resident = options.resident ?? false;
    if (resident && !sharedMemoryAvailable()) {
      throw new Error(
        'WasmBackend: resident matrices need shared WebAssembly memory (SharedArrayBuffer), which ' +
          'this environment does not offer (a page must be cross-origin isolated); leave resident unset',
      );
    }
    const shared = threads > 1 || resident;
    this.arena = new WasmArena(shared);
    this.heap = resident ? new WasmMatrixHeap(this.arena) : undefined;
    this.owner = this.heap ?? {};
    const module = kernelsModule(shared);
    this.kernels = instantiateKernels(this.arena.memory, module);
    this.gemmWork = this.arena.reservePermanent(this.kernels.GEMM_WORK_BYTES.value);
    this.threads = threads > 1 ? new GemmThreads(module, this.kernels, this.arena, threads - 1) : undefined;
    this.minParallelFlops = options.minParallelFlops ?? 4_000_000;
  }

  /** Bytes of wasm memory in use (it grows to the largest op's needs, then stays). */
  get memoryBytes(): number {
    return this.arena.byteLength;
  }

  /**
   * A zero-filled rows × cols matrix; resident in wasm memory (see {@link WasmBackendOptions.resident}),
   * so ops on it copy nothing. Its block is reused once the matrix, its `data` and every matrix
   * `resized` from it are collected; a `row()` or `subarray` view must not outlive them.
   */
  zeros(rows: number, cols: number): Matrix {
    return this.heap === undefined ? new Matrix(rows, cols) : this.heap.zeros(rows, cols);
  }

  /** Whether `m` is one of this backend's resident matrices. */
  holds(m: Matrix): boolean {
    return (m as Partial<WasmMatrix>).heap === this.owner;
  }

  /** Resident blocks in use (0 without resident matrices). */
  get residentBlocks(): number {
    return this.heap?.blocksInUse ?? 0;
  }

  /** Worker threads ready to share products (0 until they have started, or without threads). */
  get readyWorkers(): number {
    return this.threads?.ready ?? 0;
  }

  /**
   * Resolves, with the number of ready workers, once every worker thread has started (or failed
   * to). Optional: until then products run on the calling thread.
   */
  async whenThreadsStarted(): Promise<number> {
    await this.threads?.started;
    return this.readyWorkers;
  }

  /** Stops the worker threads, if any. The backend keeps working on the calling thread. */
  dispose(): void {
    this.threads?.dispose();
  }

  matmul(a: Matrix, b: Matrix, options?: MatmulOptions, out?: Matrix): Matrix {
    const { transposeA, transposeB, m, k, n, result } = prepareMatmul(a, b, options, out);
    // Views of one block made before and after the memory grew are on different buffers.
    if (out !== undefined && (this.sameBlock(out, a) || this.sameBlock(out, b))) {
      throw new RangeError('matmul: out must not share memory with an operand');
    }
    if (m === 0 || n === 0) return result;
    const arena = this.arena;
    arena.reset();
    const float32 = this.float32;
    const pa = float32 ? arena.putFloat32(a.data) : this.operand(a);
    const pb = float32 ? arena.putFloat32(b.data) : this.operand(b);
    const pc = float32 ? arena.allocateFloat32(m * n) : this.target(result);
    // op(A)(i, p) = A[i·ars + p·acs]; op(B)(p, j) = B[p·brs + j·bcs].
    const ars = transposeA ? 1 : a.cols;
    const acs = transposeA ? a.cols : 1;
    const brs = transposeB ? 1 : b.cols;
    const bcs = transposeB ? b.cols : 1;
    const threads = this.threads;
    if (threads !== undefined && threads.ready > 0 && 2 * m * n * k >= this.minParallelFlops) {
      threads.gemm(this.kernels, this.gemmWork, float32, pa, ars, acs, pb, brs, bcs, pc, m, n, k);
    } else if (float32) {
      this.kernels.gemm32(pa, ars, acs, pb, brs, bcs, pc, n, 0, m, 0, n, k, this.gemmWork);
    } else {
      this.kernels.gemm(pa, ars, acs, pb, brs, bcs, pc, n, 0, m, 0, n, k, this.gemmWork);
    }
    if (float32) arena.getFloat32(pc, result.data);
    else this.finish(result, pc);
    return result;
  }

  transpose(a: Matrix, out?: Matrix): Matrix {
    return this.js.transpose(a, out);
  }

  add(a: Matrix, b: Matrix, out?: Matrix): Matrix {
    return this.binary('add', this.kernels.add, a, b, out);
  }

  sub(a: Matrix, b: Matrix, out?: Matrix): Matrix {
    return this.binary('sub', this.kernels.sub, a, b, out);
  }

  mul(a: Matrix, b: Matrix, out?: Matrix): Matrix {
    return this.binary('mul', this.kernels.mul, a, b, out);
  }

  scale(a: Matrix, factor: number, out?: Matrix): Matrix {
    const result = resultMatrix('scale', a.rows, a.cols, out);
    if (a.size === 0) return result;
    this.arena.reset();
    const px = this.operand(a);
    const po = this.elementwiseTarget(result, a, px);
    this.kernels.scale(px, factor, po, a.size);
    this.finish(result, po);
    return result;
  }

  addScaled(a: Matrix, b: Matrix, factor: number, out?: Matrix): Matrix {
    assertSameShape('addScaled', a, b);
    const result = resultMatrix('addScaled', a.rows, a.cols, out);
    if (a.size === 0) return result;
    this.arena.reset();
    const px = this.operand(a);
    const py = this.operand(b);
    const po = this.elementwiseTarget(result, a, px);
    this.kernels.addScaled(px, py, factor, po, a.size);
    this.finish(result, po);
    return result;
  }

  addRowVector(a: Matrix, row: Matrix, out?: Matrix): Matrix {
    return this.rowVector('addRowVector', this.kernels.addRowVector, a, row, out);
  }

  mulRowVector(a: Matrix, row: Matrix, out?: Matrix): Matrix {
    return this.rowVector('mulRowVector', this.kernels.mulRowVector, a, row, out);
  }

  map(a: Matrix, fn: (x: number) => number, out?: Matrix): Matrix {
    return this.js.map(a, fn, out);
  }

  sigmoid(a: Matrix, out?: Matrix): Matrix {
    return this.unary('sigmoid', this.kernels.sigmoid, a, out);
  }

  sigmoidDerivative(y: Matrix, out?: Matrix): Matrix {
    return this.unary('sigmoidDerivative', this.kernels.sigmoidDerivative, y, out);
  }

  sigmoidBackward(grad: Matrix, y: Matrix, out?: Matrix): Matrix {
    return this.binary('sigmoidBackward', this.kernels.sigmoidBackward, grad, y, out);
  }

  tanh(a: Matrix, out?: Matrix): Matrix {
    return this.unary('tanh', this.kernels.tanh, a, out);
  }

  tanhDerivative(y: Matrix, out?: Matrix): Matrix {
    return this.unary('tanhDerivative', this.kernels.tanhDerivative, y, out);
  }

  tanhBackward(grad: Matrix, y: Matrix, out?: Matrix): Matrix {
    return this.binary('tanhBackward', this.kernels.tanhBackward, grad, y, out);
  }

  relu(a: Matrix, out?: Matrix): Matrix {
    return this.unary('relu', this.kernels.relu, a, out);
  }

  reluDerivative(y: Matrix, out?: Matrix): Matrix {
    return this.unary('reluDerivative', this.kernels.reluDerivative, y, out);
  }

  reluBackward(grad: Matrix, y: Matrix, out?: Matrix): Matrix {
    return this.binary('reluBackward', this.kernels.reluBackward, grad, y, out);
  }

  sumColumns(a: Matrix, out?: Matrix): Matrix {
    return this.columns('sumColumns', this.kernels.sumColumns, a, out);
  }

  meanColumns(a: Matrix, out?: Matrix): Matrix {
    return this.columns('meanColumns', this.kernels.meanColumns, a, out);
  }

  varianceColumns(a: Matrix, out?: Matrix): Matrix {
    const result = resultMatrix('varianceColumns', 1, a.cols, out);
    if (a.cols === 0) return result;
    this.arena.reset();
    const px = this.operand(a);
    const mean = this.arena.allocate(a.cols);
    const py = this.separateTarget(result, a);
    this.kernels.varianceColumns(px, a.rows, a.cols, mean, py);
    this.finish(result, py);
    return result;
  }

  sum(a: Matrix): number {
    this.arena.reset();
    return this.kernels.sum(this.operand(a), a.size);
  }

  dot(a: Matrix, b: Matrix): number {
    assertSameShape('dot', a, b);
    this.arena.reset();
    return this.kernels.dot(this.operand(a), this.operand(b), a.size);
  }

  concatColumns(parts: readonly Matrix[], out?: Matrix): Matrix {
    return this.js.concatColumns(parts, out);
  }

  gatherRows(a: Matrix, indices: ArrayLike<number>, out?: Matrix): Matrix {
    return this.js.gatherRows(a, indices, out);
  }

  argmaxRows(a: Matrix): Int32Array {
    return this.js.argmaxRows(a);
  }

  clip(a: Matrix, min: number, max: number, out?: Matrix): Matrix {
    assertClipBounds(min, max);
    const result = resultMatrix('clip', a.rows, a.cols, out);
    if (a.size === 0) return result;
    this.arena.reset();
    const px = this.operand(a);
    const po = this.elementwiseTarget(result, a, px);
    this.kernels.clip(px, min, max, po, a.size);
    this.finish(result, po);
    return result;
  }

  allFinite(a: Matrix): boolean {
    this.arena.reset();
    return this.kernels.allFinite(this.operand(a), a.size) === 1;
  }

  /** Byte offset of a resident `m`'s values, else -1. */
  private own(m: Matrix): number {
    return (m as Partial<WasmMatrix>).heap === this.owner ? (m as WasmMatrix).offset : -1;
  }

  /** Byte offset of `m`'s values: its own when resident, else a copy in the scratch arena. */
  private operand(m: Matrix): number {
    const own = this.own(m);
    return own >= 0 ? own : this.arena.put(m.data);
  }

  /** Where a result is written: in place when resident, else scratch that `finish` copies out. */
  private target(result: Matrix): number {
    const own = this.own(result);
    return own >= 0 ? own : this.arena.allocate(result.size);
  }

  /**
   * {@link target} for an element-wise op on `a` (at `px`), whose kernels may write over an
   * operand: a copied `a` takes the result, as the copy is scratch anyway.
   */
  private elementwiseTarget(result: Matrix, a: Matrix, px: number): number {
    const own = this.own(result);
    return own >= 0 ? own : this.own(a) >= 0 ? this.arena.allocate(result.size) : px;
  }

  /** {@link target} for kernels that must not write over their operand `a`. */
  private separateTarget(result: Matrix, a: Matrix): number {
    return this.sameBlock(result, a) ? this.arena.allocate(result.size) : this.target(result);
  }

  /** Copies the result out of scratch unless it was written in place. */
  private finish(result: Matrix, pointer: number): void {
    if (pointer !== this.own(result)) this.arena.get(pointer, result.data);
  }

  private sameBlock(x: Matrix, y: Matrix): boolean {
    return this.holds(x) && this.holds(y) && (x as WasmMatrix).block === (y as WasmMatrix).block;
  }

  private unary(op: string, kernel: UnaryKernel, a: Matrix, out?: Matrix): Matrix {
    const result = resultMatrix(op, a.rows, a.cols, out);
    if (a.size === 0) return result;
    this.arena.reset();
    const px = this.operand(a);
    const po = this.elementwiseTarget(result, a, px);
    kernel(px, po, a.size);
    this.finish(result, po);
    return result;
  }

  private binary(op: string, kernel: BinaryKernel, a: Matrix, b: Matrix, out?: Matrix): Matrix {
    assertSameShape(op, a, b);
    const result = resultMatrix(op, a.rows, a.cols, out);
    if (a.size === 0) return result;
    this.arena.reset();
    const px = this.operand(a);
    const py = this.operand(b);
    const po = this.elementwiseTarget(result, a, px);
    kernel(px, py, po, a.size);
    this.finish(result, po);
    return result;
  }

  private rowVector(op: string, kernel: RowVectorKernel, a: Matrix, row: Matrix, out?: Matrix): Matrix {
    assertRowVectorFits(op, a, row);
    const result = resultMatrix(op, a.rows, a.cols, out);
    if (a.size === 0) return result;
    this.arena.reset();
    const px = this.operand(a);
    const pv = this.operand(row);
    const po = this.elementwiseTarget(result, a, px);
    kernel(px, pv, po, a.rows, a.cols);
    this.finish(result, po);
    return result;
  }

  private columns(op: string, kernel: ColumnKernel, a: Matrix, out?: Matrix): Matrix {
    const result = resultMatrix(op, 1, a.cols, out);
    if (a.cols === 0) return result;
    this.arena.reset();
    const px = this.operand(a);
    const py = this.separateTarget(result, a);
    kernel(px, a.rows, a.cols, py);
    this.finish(result, py);
    return result;
  }
}
