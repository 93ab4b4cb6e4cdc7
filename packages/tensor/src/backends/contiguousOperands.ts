import type { Matrix } from '../Matrix.js';
import type { MatmulOptions, TensorBackend } from '../TensorBackend.js';
import { assertNotAliased } from './checks.js';
import { KERNEL_NAMES, type KernelName } from './KernelName.js';

// Column views (stride > cols) reach a kernel only if it declares that it reads strides; any
// other kernel is wrapped so that a call with a view runs on contiguous copies, the result copied
// back into a view `out`. A call without views runs the kernel itself after one comparison per
// matrix argument. Each wrapper is its own function literal, so each keeps its own call feedback
// and V8 can inline the kernel it calls.

type Kernel = (...args: never[]) => unknown;

/** True for a column view; false for a contiguous matrix, `undefined`, or a matrix without `stride`. */
function strided(m: Matrix | undefined): boolean {
  return m !== undefined && m.stride > m.cols;
}

/** The matrix arguments of each kernel: operand positions, the `out` position (-1: none). */
const SIGNATURES: Record<KernelName, { readonly operands: readonly number[]; readonly out: number }> = {
  matmul: { operands: [0, 1], out: 3 },
  add: { operands: [0, 1], out: 2 },
  sub: { operands: [0, 1], out: 2 },
  mul: { operands: [0, 1], out: 2 },
  scale: { operands: [0], out: 2 },
  addScaled: { operands: [0, 1], out: 3 },
  addRowVector: { operands: [0, 1], out: 2 },
  mulRowVector: { operands: [0, 1], out: 2 },
  map: { operands: [0], out: 2 },
  sigmoid: { operands: [0], out: 1 },
  sigmoidBackward: { operands: [0, 1], out: 2 },
  tanh: { operands: [0], out: 1 },
  tanhBackward: { operands: [0, 1], out: 2 },
  relu: { operands: [0], out: 1 },
  reluBackward: { operands: [0, 1], out: 2 },
  sumColumns: { operands: [0], out: 1 },
  meanColumns: { operands: [0], out: 1 },
  varianceColumns: { operands: [0], out: 1 },
  dot: { operands: [0, 1], out: -1 },
  // Its operand 0 is an array of parts.
  concatColumns: { operands: [], out: 1 },
  gatherRows: { operands: [0], out: 2 },
  argmaxRows: { operands: [0], out: -1 },
  clip: { operands: [0], out: 3 },
  allFinite: { operands: [0], out: -1 },
};

/** Ops whose `out` must not share memory with an operand; checked before the copies would hide it. */
const NO_ALIAS: ReadonlySet<KernelName> = new Set<KernelName>(['matmul', 'concatColumns', 'gatherRows']);

/**
 * Runs `kernel` on contiguous copies of the column views among its matrix arguments; a view `out`
 * is copied in (so an accumulating product adds to its values) and the result copied back.
 */
function onCopies(name: KernelName, backend: unknown, kernel: Kernel, args: unknown[]): unknown {
  const { operands, out: outAt } = SIGNATURES[name];
  const out = outAt >= 0 ? (args[outAt] as Matrix | undefined) : undefined;
  const copies = args.slice();
  if (name === 'concatColumns') {
    const parts = args[0] as readonly Matrix[];
    if (out !== undefined) for (const part of parts) assertNotAliased(name, out, part);
    copies[0] = parts.map((part) => (strided(part) ? part.clone() : part));
  }
  for (const at of operands) {
    const operand = args[at] as Matrix;
    if (out !== undefined && NO_ALIAS.has(name)) assertNotAliased(name, out, operand);
    if (strided(operand)) copies[at] = operand.clone();
  }
  if (!strided(out)) return (kernel as (...a: unknown[]) => unknown).apply(backend, copies);
  const contiguousOut = out!.clone();
  copies[outAt] = contiguousOut;
  (kernel as (...a: unknown[]) => unknown).apply(backend, copies);
  return out!.copyFrom(contiguousOut);
}

type M = Matrix;

// One wrapper per kernel. `k` is the kernel a backend implements; `this` is the backend.
const GUARDS: { [K in KernelName]: (k: TensorBackend[K]) => TensorBackend[K] } = {
  matmul: (k) =>
    function (this: TensorBackend, a: M, b: M, options?: MatmulOptions, out?: M) {
      return strided(a) || strided(b) || strided(out)
        ? (onCopies('matmul', this, k, [a, b, options, out]) as M)
        : k.call(this, a, b, options, out);
    },
  add: (k) =>
    function (this: TensorBackend, a: M, b: M, out?: M) {
      return strided(a) || strided(b) || strided(out) ? (onCopies('add', this, k, [a, b, out]) as M) : k.call(this, a, b, out);
    },
  sub: (k) =>
    function (this: TensorBackend, a: M, b: M, out?: M) {
      return strided(a) || strided(b) || strided(out) ? (onCopies('sub', this, k, [a, b, out]) as M) : k.call(this, a, b, out);
    },
  mul: (k) =>
    function (this: TensorBackend, a: M, b: M, out?: M) {
      return strided(a) || strided(b) || strided(out) ? (onCopies('mul', this, k, [a, b, out]) as M) : k.call(this, a, b, out);
    },
  scale: (k) =>
    function (this: TensorBackend, a: M, factor: number, out?: M) {
      return strided(a) || strided(out) ? (onCopies('scale', this, k, [a, factor, out]) as M) : k.call(this, a, factor, out);
    },
  addScaled: (k) =>
    function (this: TensorBackend, a: M, b: M, factor: number, out?: M) {
      return strided(a) || strided(b) || strided(out)
        ? (onCopies('addScaled', this, k, [a, b, factor, out]) as M)
        : k.call(this, a, b, factor, out);
    },
  addRowVector: (k) =>
    function (this: TensorBackend, a: M, row: M, out?: M) {
      return strided(a) || strided(row) || strided(out)
        ? (onCopies('addRowVector', this, k, [a, row, out]) as M)
        : k.call(this, a, row, out);
    },
  mulRowVector: (k) =>
    function (this: TensorBackend, a: M, row: M, out?: M) {
      return strided(a) || strided(row) || strided(out)
        ? (onCopies('mulRowVector', this, k, [a, row, out]) as M)
        : k.call(this, a, row, out);
    },
  map: (k) =>
    function (this: TensorBackend, a: M, fn: (x: number) => number, out?: M) {
      return strided(a) || strided(out) ? (onCopies('map', this, k, [a, fn, out]) as M) : k.call(this, a, fn, out);
    },
  sigmoid: (k) =>
    function (this: TensorBackend, a: M, out?: M) {
      return strided(a) || strided(out) ? (onCopies('sigmoid', this, k, [a, out]) as M) : k.call(this, a, out);
    },
  sigmoidBackward: (k) =>
    function (this: TensorBackend, grad: M, y: M, out?: M) {
      return strided(grad) || strided(y) || strided(out)
        ? (onCopies('sigmoidBackward', this, k, [grad, y, out]) as M)
        : k.call(this, grad, y, out);
    },
  tanh: (k) =>
    function (this: TensorBackend, a: M, out?: M) {
      return strided(a) || strided(out) ? (onCopies('tanh', this, k, [a, out]) as M) : k.call(this, a, out);
    },
  tanhBackward: (k) =>
    function (this: TensorBackend, grad: M, y: M, out?: M) {
      return strided(grad) || strided(y) || strided(out)
        ? (onCopies('tanhBackward', this, k, [grad, y, out]) as M)
        : k.call(this, grad, y, out);
    },
  relu: (k) =>
    function (this: TensorBackend, a: M, out?: M) {
      return strided(a) || strided(out) ? (onCopies('relu', this, k, [a, out]) as M) : k.call(this, a, out);
    },
  reluBackward: (k) =>
    function (this: TensorBackend, grad: M, y: M, out?: M) {
      return strided(grad) || strided(y) || strided(out)
        ? (onCopies('reluBackward', this, k, [grad, y, out]) as M)
        : k.call(this, grad, y, out);
    },
  sumColumns: (k) =>
    function (this: TensorBackend, a: M, out?: M) {
      return strided(a) || strided(out) ? (onCopies('sumColumns', this, k, [a, out]) as M) : k.call(this, a, out);
    },
  meanColumns: (k) =>
    function (this: TensorBackend, a: M, out?: M) {
      return strided(a) || strided(out) ? (onCopies('meanColumns', this, k, [a, out]) as M) : k.call(this, a, out);
    },
  varianceColumns: (k) =>
    function (this: TensorBackend, a: M, out?: M) {
      return strided(a) || strided(out) ? (onCopies('varianceColumns', this, k, [a, out]) as M) : k.call(this, a, out);
    },
  dot: (k) =>
    function (this: TensorBackend, a: M, b: M) {
      return strided(a) || strided(b) ? (onCopies('dot', this, k, [a, b]) as number) : k.call(this, a, b);
    },
  concatColumns: (k) =>
    function (this: TensorBackend, parts: readonly M[], out?: M) {
      return strided(out) || parts.some(strided)
        ? (onCopies('concatColumns', this, k, [parts, out]) as M)
        : k.call(this, parts, out);
    },
  gatherRows: (k) =>
    function (this: TensorBackend, a: M, indices: ArrayLike<number>, out?: M) {
      return strided(a) || strided(out)
        ? (onCopies('gatherRows', this, k, [a, indices, out]) as M)
        : k.call(this, a, indices, out);
    },
  argmaxRows: (k) =>
    function (this: TensorBackend, a: M) {
      return strided(a) ? (onCopies('argmaxRows', this, k, [a]) as Int32Array) : k.call(this, a);
    },
  clip: (k) =>
    function (this: TensorBackend, a: M, min: number, max: number, out?: M) {
      return strided(a) || strided(out)
        ? (onCopies('clip', this, k, [a, min, max, out]) as M)
        : k.call(this, a, min, max, out);
    },
  allFinite: (k) =>
    function (this: TensorBackend, a: M) {
      return strided(a) ? (onCopies('allFinite', this, k, [a]) as boolean) : k.call(this, a);
    },
};

/**
 * Wraps each kernel that `holder` (a backend object or a backend class's prototype) defines, but
 * those named in `strided`, so that it never sees a column view: a call with one runs on
 * contiguous copies (and writes a view `out` back); a call without runs the kernel as it is.
 */
export function contiguousOperands(holder: object, strided: ReadonlySet<KernelName> = new Set()): void {
  const kernels = holder as Record<KernelName, unknown>;
  for (const name of KERNEL_NAMES) {
    const kernel = kernels[name];
    if (typeof kernel !== 'function' || strided.has(name)) continue;
    const guarded = (GUARDS[name] as (k: unknown) => unknown)(kernel);
    Object.defineProperty(holder, name, { value: guarded, writable: true, configurable: true, enumerable: false });
  }
}
