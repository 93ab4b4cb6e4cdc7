import {
  assertClipBounds,
  assertRowVectorFits,
  assertSameShape,
  completeBackend,
  referenceBackend,
  resultMatrix,
  Matrix,
  prepareMatmul,
  type BackendKernels,
  type DType,
  type MatmulOptions,
  type PartialBackend,
} from '@synthgrad/tensor';
import { instantiateKernels, kernelsModule, type Kernels } from './Kernels.js';
import { GemmThreads } from './threads/GemmThreads.js';
import { WasmArena, type ElementBytes } from './WasmArena.js';
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
   * Type of the matrices the backend makes and of all its arithmetic (default `'float64'`). With
   * `'float32'`, results without `out` (and `zeros`) are float32 matrices, and every op runs
   * float32 kernels on float32 values in wasm memory: float32 operands are copied in as they are,
   * float64 ones (a dataset's batch) rounded on the way in, and a float64 `out` gets the float32
   * results widened. Sums (`sum`, `dot`, the column reductions) accumulate in float64 and round
   * once; products accumulate in float32, as tfjs does. Errors are then near 2⁻²⁴ relative per
   * operation (k·2⁻²⁴·Σ|terms| for a product over k terms) instead of 2⁻⁵³.
   *
   * @example
   * ```ts
   * const f32 = new WasmBackend({ dtype: 'float32', resident: true });
   * const h = f32.relu(f32.matmul(batch, f32.zeros(784, 256))); // batch: float64, rounded on the way in
   * h.data instanceof Float32Array; // true
   * ```
   */
  readonly dtype?: DType;
  /**
   * Arithmetic of `matmul` on a float64 backend (default `'float64'`): `'float32'` is the mixed
   * mode, which rounds both operands of each product to float32 and accumulates in float32, as
   * tfjs does (about twice the GFLOP/s, relative errors near 1e-7·Σ|terms| instead of 1e-16, so it
   * does not pass the 1e-12 contract checks), while matrices stay `Float64Array`s and every other
   * op stays float64. A `dtype: 'float32'` backend has float32 products anyway.
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

/** The kernels of one dtype, under one set of names. */
interface TypedKernels {
  readonly add: BinaryKernel;
  readonly sub: BinaryKernel;
  readonly mul: BinaryKernel;
  readonly scale: (x: number, factor: number, out: number, n: number) => void;
  readonly addScaled: (x: number, y: number, factor: number, out: number, n: number) => void;
  readonly sigmoid: UnaryKernel;
  readonly sigmoidBackward: BinaryKernel;
  readonly tanh: UnaryKernel;
  readonly tanhBackward: BinaryKernel;
  readonly relu: UnaryKernel;
  readonly reluBackward: BinaryKernel;
  readonly clip: (x: number, lo: number, hi: number, out: number, n: number) => void;
  readonly addRowVector: RowVectorKernel;
  readonly mulRowVector: RowVectorKernel;
  readonly sumColumns: ColumnKernel;
  readonly meanColumns: ColumnKernel;
  readonly dot: (x: number, y: number, n: number) => number;
  readonly allFinite: (x: number, n: number) => number;
}

function float32Kernels(k: Kernels): TypedKernels {
  return {
    add: k.add32, sub: k.sub32, mul: k.mul32, scale: k.scale32, addScaled: k.addScaled32,
    sigmoid: k.sigmoid32, sigmoidBackward: k.sigmoidBackward32,
    tanh: k.tanh32, tanhBackward: k.tanhBackward32,
    relu: k.relu32, reluBackward: k.reluBackward32,
    clip: k.clip32, addRowVector: k.addRowVector32, mulRowVector: k.mulRowVector32,
    sumColumns: k.sumColumns32, meanColumns: k.meanColumns32, dot: k.dot32, allFinite: k.allFinite32,
  };
}

const DTYPES: readonly DType[] = ['float64', 'float32'];

// The kernels it lacks come from the reference backend (completeBackend, below).
export interface WasmBackend extends BackendKernels {}

/**
 * The `wasm` backend: WebAssembly SIMD kernels (AssemblyScript; float64, or float32 with
 * `dtype: 'float32'`) behind the {@link TensorBackend} contract. With `resident: true`, matrices
 * made by `zeros` (and `bufferOfShape` of them) are resident: their `data` is a view of the wasm
 * memory, and ops read and write them in place. Any other matrix is copied into a scratch arena
 * in wasm memory for the op, and a result for it copied out. Results without `out` are ordinary
 * matrices of the backend's dtype. The
 * product is a packed, transpose-aware GEMM (accumulating into `out` on request); element-wise
 * ops, activations with their fused backward ops, and reductions run as SIMD loops. The ops it
 * does not implement (`map`, `concatColumns`, `gatherRows`, `argmaxRows`: they only move data,
 * where copying in and out would cost more than they do) are the reference (cpu) kernels of its
 * dtype, through `completeBackend`; column views reach its kernels as contiguous copies. Holds
 * scratch memory (and any worker threads): share one instance per thread, and `dispose()` it
 * when done with threads.
 *
 * @example
 * ```ts
 * const wasm = new WasmBackend();
 * const x = Matrix.fromArray([[1, 2]]);
 * const w = Matrix.fromArray([[1, 0], [0, 1]]);
 * const h = wasm.sigmoid(wasm.matmul(x, w)); // 1×2, equal to the cpu backend's to 1e-12
 * ```
 */
export class WasmBackend implements PartialBackend {
  readonly name = 'wasm';
  /** Type of the matrices it makes and of its arithmetic (see {@link WasmBackendOptions.dtype}). */
  readonly dtype: DType;

  private readonly arena: WasmArena;
  private readonly kernels: Kernels;
  // The kernels of `dtype`, and the bytes of one of its values.
  private readonly typed: TypedKernels;
  private readonly bytes: ElementBytes;
  private readonly gemmWork: number;
  private readonly threads: GemmThreads | undefined;
  private readonly minParallelFlops: number;
  // Products in float32: a float32 backend's, or the mixed mode's (precision 'float32').
  private readonly float32Products: boolean;
  // The mixed mode: float64 matrices, float32 products.
  private readonly mixed: boolean;
  private readonly heap: WasmMatrixHeap | undefined;
  // What a resident matrix's `heap` is compared with: never an ordinary matrix's (undefined).
  private readonly owner: object;

  constructor(options: WasmBackendOptions = {}) {
    const threads = options.threads ?? 1;
    if (!Number.isInteger(threads) || threads < 1) {
      throw new RangeError(`WasmBackend: threads must be a positive integer, got ${threads}`);
    }
    const dtype = options.dtype ?? 'float64';
    if (!DTYPES.includes(dtype)) {
      throw new RangeError(`WasmBackend: dtype must be 'float64' or 'float32', got ${String(dtype)}`);
    }
    this.dtype = dtype;
    const precision = options.precision ?? dtype;
    if (precision !== 'float64' && precision !== 'float32') {
      throw new RangeError(`WasmBackend: precision must be 'float64' or 'float32', got ${String(precision)}`);
    }
    if (dtype === 'float32' && precision === 'float64') {
      throw new RangeError(
        "WasmBackend: precision 'float64' needs dtype 'float64' (a float32 backend's products are float32); leave precision unset",
      );
    }
    this.float32Products = precision === 'float32';
    this.mixed = this.float32Products && dtype === 'float64';
    this.bytes = dtype === 'float32' ? 4 : 8;
    const resident = options.resident ?? false;
    if (resident && !sharedMemoryAvailable()) {
      throw new Error(
        'WasmBackend: resident matrices need shared WebAssembly memory (SharedArrayBuffer), which ' +
          'this environment does not offer (a page must be cross-origin isolated); leave resident unset',
      );
    }
    const shared = threads > 1 || resident;
    this.arena = new WasmArena(shared);
    this.heap = resident ? new WasmMatrixHeap(this.arena, dtype) : undefined;
    this.owner = this.heap ?? {};
    const module = kernelsModule(shared);
    this.kernels = instantiateKernels(this.arena.memory, module);
    this.typed = dtype === 'float32' ? float32Kernels(this.kernels) : this.kernels;
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
    return this.heap === undefined ? Matrix.zeros(rows, cols, this.dtype) : this.heap.zeros(rows, cols);
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
    const { transposeA, transposeB, accumulate, m, k, n, result } = prepareMatmul(a, b, options, out, this.dtype);
    // Views of one block made before and after the memory grew are on different buffers.
    if (out !== undefined && (this.sameBlock(out, a) || this.sameBlock(out, b))) {
      throw new RangeError('matmul: out must not share memory with an operand');
    }
    if (m === 0 || n === 0) return result;
    if (accumulate) return this.matmulAdd(a, b, transposeA, transposeB, result);
    const arena = this.arena;
    arena.reset();
    const float32 = this.float32Products;
    const mixed = this.mixed;
    const pa = mixed ? arena.put(a.data, 4) : this.operand(a);
    const pb = mixed ? arena.put(b.data, 4) : this.operand(b);
    const pc = mixed ? arena.allocate(m * n, 4) : this.target(result);
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
    if (mixed) arena.get(pc, result.data, 4);
    else this.finish(result, pc);
    return result;
  }

  /**
   * `result += op(a)·op(b)`, on the calling thread: `result`'s values go in (in place when
   * resident) and `gemmAdd` adds the product. The mixed mode adds its float32 product to the
   * float64 values in float64, so that `result` is not rounded to float32.
   */
  private matmulAdd(a: Matrix, b: Matrix, transposeA: boolean, transposeB: boolean, result: Matrix): Matrix {
    if (this.mixed) return this.add(result, this.matmul(a, b, { transposeA, transposeB }), result);
    const m = result.rows;
    const n = result.cols;
    const k = transposeA ? a.rows : a.cols;
    this.arena.reset();
    const pa = this.operand(a);
    const pb = this.operand(b);
    const pc = this.operand(result);
    const ars = transposeA ? 1 : a.cols;
    const acs = transposeA ? a.cols : 1;
    const brs = transposeB ? 1 : b.cols;
    const bcs = transposeB ? b.cols : 1;
    if (this.float32Products) this.kernels.gemmAdd32(pa, ars, acs, pb, brs, bcs, pc, n, 0, m, 0, n, k, this.gemmWork);
    else this.kernels.gemmAdd(pa, ars, acs, pb, brs, bcs, pc, n, 0, m, 0, n, k, this.gemmWork);
    this.finish(result, pc);
    return result;
  }


  add(a: Matrix, b: Matrix, out?: Matrix): Matrix {
    return this.binary('add', this.typed.add, a, b, out);
  }

  sub(a: Matrix, b: Matrix, out?: Matrix): Matrix {
    return this.binary('sub', this.typed.sub, a, b, out);
  }

  mul(a: Matrix, b: Matrix, out?: Matrix): Matrix {
    return this.binary('mul', this.typed.mul, a, b, out);
  }

  scale(a: Matrix, factor: number, out?: Matrix): Matrix {
    const result = this.result('scale', a.rows, a.cols, out);
    if (a.size === 0) return result;
    this.arena.reset();
    const px = this.operand(a);
    const po = this.elementwiseTarget(result, a, px);
    this.typed.scale(px, factor, po, a.size);
    this.finish(result, po);
    return result;
  }

  addScaled(a: Matrix, b: Matrix, factor: number, out?: Matrix): Matrix {
    assertSameShape('addScaled', a, b);
    const result = this.result('addScaled', a.rows, a.cols, out);
    if (a.size === 0) return result;
    this.arena.reset();
    const px = this.operand(a);
    const py = this.operand(b);
    const po = this.elementwiseTarget(result, a, px);
    this.typed.addScaled(px, py, factor, po, a.size);
    this.finish(result, po);
    return result;
  }

  addRowVector(a: Matrix, row: Matrix, out?: Matrix): Matrix {
    return this.rowVector('addRowVector', this.typed.addRowVector, a, row, out);
  }

  mulRowVector(a: Matrix, row: Matrix, out?: Matrix): Matrix {
    return this.rowVector('mulRowVector', this.typed.mulRowVector, a, row, out);
  }


  sigmoid(a: Matrix, out?: Matrix): Matrix {
    return this.unary('sigmoid', this.typed.sigmoid, a, out);
  }


  sigmoidBackward(grad: Matrix, y: Matrix, out?: Matrix): Matrix {
    return this.binary('sigmoidBackward', this.typed.sigmoidBackward, grad, y, out);
  }

  tanh(a: Matrix, out?: Matrix): Matrix {
    return this.unary('tanh', this.typed.tanh, a, out);
  }


  tanhBackward(grad: Matrix, y: Matrix, out?: Matrix): Matrix {
    return this.binary('tanhBackward', this.typed.tanhBackward, grad, y, out);
  }

  relu(a: Matrix, out?: Matrix): Matrix {
    return this.unary('relu', this.typed.relu, a, out);
  }


  reluBackward(grad: Matrix, y: Matrix, out?: Matrix): Matrix {
    return this.binary('reluBackward', this.typed.reluBackward, grad, y, out);
  }

  sumColumns(a: Matrix, out?: Matrix): Matrix {
    return this.columns('sumColumns', this.typed.sumColumns, a, out);
  }

  meanColumns(a: Matrix, out?: Matrix): Matrix {
    return this.columns('meanColumns', this.typed.meanColumns, a, out);
  }

  varianceColumns(a: Matrix, out?: Matrix): Matrix {
    const result = this.result('varianceColumns', 1, a.cols, out);
    if (a.cols === 0) return result;
    this.arena.reset();
    const px = this.operand(a);
    const py = this.separateTarget(result, a);
    if (this.bytes === 4) this.kernels.varianceColumns32(px, a.rows, a.cols, py);
    else this.kernels.varianceColumns(px, a.rows, a.cols, this.arena.allocate(a.cols), py);
    this.finish(result, py);
    return result;
  }


  dot(a: Matrix, b: Matrix): number {
    assertSameShape('dot', a, b);
    this.arena.reset();
    return this.typed.dot(this.operand(a), this.operand(b), a.size);
  }




  clip(a: Matrix, min: number, max: number, out?: Matrix): Matrix {
    assertClipBounds(min, max);
    const result = this.result('clip', a.rows, a.cols, out);
    if (a.size === 0) return result;
    this.arena.reset();
    const px = this.operand(a);
    const po = this.elementwiseTarget(result, a, px);
    this.typed.clip(px, min, max, po, a.size);
    this.finish(result, po);
    return result;
  }

  allFinite(a: Matrix): boolean {
    // A float64 value past float32's range is finite: rounded in, it would not be.
    if (a.dtype !== this.dtype) return referenceBackend(this).allFinite(a);
    this.arena.reset();
    return this.typed.allFinite(this.operand(a), a.size) === 1;
  }

  /** The result of an op: `out` when given (either dtype), else a new matrix of `dtype`. */
  private result(op: string, rows: number, cols: number, out: Matrix | undefined): Matrix {
    return resultMatrix(op, rows, cols, out, this.dtype);
  }

  /** Byte offset of a resident `m`'s values, else -1. */
  private own(m: Matrix): number {
    return (m as Partial<WasmMatrix>).heap === this.owner ? (m as WasmMatrix).offset : -1;
  }

  /**
   * Byte offset of `m`'s values: its own when resident, else a copy in the scratch arena, in the
   * backend's dtype (converted when `m`'s differs).
   */
  private operand(m: Matrix): number {
    const own = this.own(m);
    return own >= 0 ? own : this.arena.put(m.data, this.bytes);
  }

  /** Where a result is written: in place when resident, else scratch that `finish` copies out. */
  private target(result: Matrix): number {
    const own = this.own(result);
    return own >= 0 ? own : this.arena.allocate(result.size, this.bytes);
  }

  /**
   * {@link target} for an element-wise op on `a` (at `px`), whose kernels may write over an
   * operand: a copied `a` takes the result, as the copy is scratch anyway.
   */
  private elementwiseTarget(result: Matrix, a: Matrix, px: number): number {
    const own = this.own(result);
    return own >= 0 ? own : this.own(a) >= 0 ? this.arena.allocate(result.size, this.bytes) : px;
  }

  /** {@link target} for kernels that must not write over their operand `a`. */
  private separateTarget(result: Matrix, a: Matrix): number {
    return this.sameBlock(result, a) ? this.arena.allocate(result.size, this.bytes) : this.target(result);
  }

  /** Copies the result out of scratch (converted to `result`'s dtype) unless it was written in place. */
  private finish(result: Matrix, pointer: number): void {
    if (pointer !== this.own(result)) this.arena.get(pointer, result.data, this.bytes);
  }

  private sameBlock(x: Matrix, y: Matrix): boolean {
    return this.holds(x) && this.holds(y) && (x as WasmMatrix).block === (y as WasmMatrix).block;
  }

  private unary(op: string, kernel: UnaryKernel, a: Matrix, out?: Matrix): Matrix {
    const result = this.result(op, a.rows, a.cols, out);
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
    const result = this.result(op, a.rows, a.cols, out);
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
    const result = this.result(op, a.rows, a.cols, out);
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
    const result = this.result(op, 1, a.cols, out);
    if (a.cols === 0) return result;
    this.arena.reset();
    const px = this.operand(a);
    const py = this.separateTarget(result, a);
    kernel(px, a.rows, a.cols, py);
    this.finish(result, py);
    return result;
  }
}

completeBackend(WasmBackend);
