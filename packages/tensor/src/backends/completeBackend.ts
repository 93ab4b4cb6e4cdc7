import type { DType, Matrix } from '../Matrix.js';
import type { TensorBackend } from '../TensorBackend.js';
import { CpuBackend } from './cpu/CpuBackend.js';
import { contiguousOperands } from './contiguousOperands.js';
import { KERNEL_NAMES, type BackendKernels, type KernelName } from './KernelName.js';

/**
 * A backend that implements some of the kernels of {@link TensorBackend} (any subset, none
 * included): what {@link completeBackend} turns into a whole one.
 */
export interface PartialBackend extends Partial<BackendKernels> {
  readonly name: string;
  readonly dtype?: DType;
  zeros?(rows: number, cols: number): Matrix;
}

/** Options of {@link completeBackend}. */
export interface CompleteBackendOptions<B extends PartialBackend = PartialBackend> {
  /**
   * Kernels of the backend that read `stride` themselves, and so receive column views as they
   * are. Every other kernel of the backend receives contiguous copies of views (and a view `out`
   * gets the result copied back); contiguous matrices reach it untouched.
   */
  readonly strided?: readonly KernelName[];
  /**
   * The backend whose kernels stand in for the missing ones, made on first use, once per backend
   * object (default: a `CpuBackend` of the backend's `dtype`, the reference implementation).
   */
  readonly reference?: (backend: B) => TensorBackend;
}

const REFERENCE = Symbol('synthgrad.referenceBackend');
const MAKE_REFERENCE = Symbol('synthgrad.makeReferenceBackend');
const COMPLETED = Symbol('synthgrad.completedBackend');

type Holder = Record<string | symbol, unknown>;

/**
 * Completes a partial backend: every kernel it lacks runs the reference kernel (the cpu backend's,
 * of the backend's dtype; see {@link CompleteBackendOptions.reference}), and its own kernels never
 * see a column view unless they declare that they read strides (views arrive as contiguous copies).
 * Callers then see the whole {@link TensorBackend}. Give it an object, which is completed in place,
 * or a class, whose prototype is completed once for all its instances (declare
 * `interface MyBackend extends BackendKernels {}` beside the class for the types). As in tfjs-core's
 * kernel registry, an op is written once, as a reference kernel, and sped up where it pays.
 *
 * @example
 * ```ts
 * // A backend with a product of its own; every other op (and every dtype) from the reference.
 * const cpu = new CpuBackend();
 * const mine = completeBackend({
 *   name: 'my-gemm',
 *   matmul: (a: Matrix, b: Matrix, options?: MatmulOptions, out?: Matrix) => cpu.matmul(a, b, options, out),
 * });
 * mine.relu(mine.matmul(x, w)); // relu: the reference kernel
 * ```
 */
export function completeBackend<C extends abstract new (...args: never[]) => PartialBackend>(
  backendClass: C,
  options?: CompleteBackendOptions<InstanceType<C>>,
): C;
export function completeBackend<B extends PartialBackend>(
  backend: B,
  options?: CompleteBackendOptions<B>,
): B & TensorBackend;
export function completeBackend(
  target: PartialBackend | (abstract new (...args: never[]) => PartialBackend),
  options: CompleteBackendOptions<PartialBackend> = {},
): unknown {
  const isClass = typeof target === 'function';
  const holder = (isClass ? target.prototype : target) as Holder;
  // A class completes once; a subclass's prototype again (for the kernels it overrides). An
  // object whose class is complete already is left as it is.
  if (isClass ? Object.prototype.hasOwnProperty.call(holder, COMPLETED) : COMPLETED in holder) return target;
  const strided = new Set<KernelName>(options.strided ?? []);
  for (const name of strided) {
    if (!KERNEL_NAMES.includes(name)) {
      throw new RangeError(`completeBackend: strided names unknown kernel "${String(name)}"; kernels: ${KERNEL_NAMES.join(', ')}`);
    }
  }
  const makeReference =
    options.reference ?? ((backend: PartialBackend) => new CpuBackend({ dtype: backend.dtype ?? 'float64' }));
  Object.defineProperty(holder, MAKE_REFERENCE, { value: makeReference });
  contiguousOperands(holder, strided);
  for (const name of KERNEL_NAMES) {
    if (typeof holder[name] === 'function') continue;
    Object.defineProperty(holder, name, {
      value: fallback(name, makeReference),
      writable: true,
      configurable: true,
      enumerable: false,
    });
  }
  Object.defineProperty(holder, COMPLETED, { value: true });
  return target;
}

/**
 * The backend whose kernels stand in for those a completed backend lacks (made on first use), for
 * a kernel of its own that handles some cases and hands the others on.
 *
 * @example
 * ```ts
 * allFinite(a: Matrix): boolean {
 *   if (a.dtype !== this.dtype) return referenceBackend(this).allFinite(a);
 *   // … the backend's own kernel
 * }
 * ```
 */
export function referenceBackend(backend: PartialBackend): TensorBackend {
  const makeReference = (backend as unknown as Holder)[MAKE_REFERENCE] as
    | ((backend: PartialBackend) => TensorBackend)
    | undefined;
  if (makeReference === undefined) {
    throw new TypeError(`referenceBackend: backend "${backend.name}" was not completed by completeBackend`);
  }
  return referenceOf(backend, makeReference);
}

/** A kernel that runs `name` on the reference backend of `this`. */
function fallback(name: KernelName, makeReference: (backend: PartialBackend) => TensorBackend): unknown {
  return function (this: PartialBackend, ...args: unknown[]): unknown {
    const reference = referenceOf(this, makeReference) as unknown as Record<KernelName, (...a: unknown[]) => unknown>;
    return reference[name](...args);
  };
}

function referenceOf(backend: PartialBackend, makeReference: (backend: PartialBackend) => TensorBackend): TensorBackend {
  const holder = backend as unknown as Holder;
  let reference = holder[REFERENCE] as TensorBackend | undefined;
  if (reference === undefined) {
    reference = makeReference(backend);
    Object.defineProperty(holder, REFERENCE, { value: reference });
  }
  return reference;
}
