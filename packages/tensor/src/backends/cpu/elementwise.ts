import type { Matrix } from '../../Matrix.js';
import { assertSameShape, resultMatrix } from '../checks.js';

/** An element-wise op of one matrix, as the backend exposes it. */
export type UnaryOp = (a: Matrix, out?: Matrix) => Matrix;
/** An element-wise op of two same-shaped matrices, as the backend exposes it. */
export type BinaryOp = (a: Matrix, b: Matrix, out?: Matrix) => Matrix;

// One loop serves every element-wise op. Each call of the factory makes a new closure, so V8
// optimises each op on its own and inlines `fn`: scripts/bench-elementwise.ts measures these
// against hand-written loops and finds no difference.

/** Builds `out[i] = fn(a[i])`; `out` may be `a`. */
export function unaryOp(op: string, fn: (x: number) => number): UnaryOp {
  return (a, out) => {
    const result = resultMatrix(op, a.rows, a.cols, out);
    const x = a.data;
    const y = result.data;
    for (let i = 0; i < x.length; i++) y[i] = fn(x[i]);
    return result;
  };
}

/** Builds `out[i] = fn(a[i], b[i])`; `out` may be `a` or `b`. */
export function binaryOp(op: string, fn: (x: number, y: number) => number): BinaryOp {
  return (a, b, out) => {
    assertSameShape(op, a, b);
    const result = resultMatrix(op, a.rows, a.cols, out);
    const x = a.data;
    const z = b.data;
    const y = result.data;
    for (let i = 0; i < x.length; i++) y[i] = fn(x[i], z[i]);
    return result;
  };
}
