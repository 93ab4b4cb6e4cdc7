import { all, create, type Matrix as MathjsMatrix } from 'mathjs';
import type { Matrix } from '../../Matrix.js';
import type { MatmulOptions, TensorBackend } from '../../TensorBackend.js';
import {
  assertClipBounds,
  assertConcatenable,
  assertMatmulFits,
  assertNotAliased,
  assertRowIndices,
  assertRowVectorFits,
  assertSameShape,
  resultMatrix,
} from '../checks.js';
import { contiguousOperands } from '../contiguousOperands.js';
import { toMathjs } from './mathjsConversion.js';

// An oracle compares exactly: the default instance treats numbers within 1e-15 as equal, so
// relu′(1e-300) would be 0 and clip would leave values just past a bound. mathjs refuses a
// relative tolerance of 0; the smallest positive double is below every ulp, hence exact.
const math = create(all, { relTol: Number.MIN_VALUE, absTol: 0 });

/**
 * The same contract computed by mathjs on copies of the operands: slow, but each op is one or
 * two mathjs calls that read like the formula, which makes it the oracle the other backends are
 * tested against, and a bridge for code that already works in mathjs.
 *
 * @example
 * ```ts
 * const oracle = new MathjsBackend();
 * const y = oracle.matmul(x, w, { transposeB: true });
 * ```
 */
export class MathjsBackend implements TensorBackend {
  readonly name = 'mathjs';

  matmul(a: Matrix, b: Matrix, options?: MatmulOptions, out?: Matrix): Matrix {
    const transposeA = options?.transposeA === true;
    const transposeB = options?.transposeB === true;
    assertMatmulFits(a, b, transposeA, transposeB);
    if (options?.accumulate === true && out === undefined) {
      throw new TypeError('matmul: accumulate adds the product to out, so out must be given');
    }
    if (out !== undefined) {
      assertNotAliased('matmul', out, a);
      assertNotAliased('matmul', out, b);
    }
    const left = transposeA ? math.transpose(toMathjs(a)) : toMathjs(a);
    const right = transposeB ? math.transpose(toMathjs(b)) : toMathjs(b);
    const rows = transposeA ? a.cols : a.rows;
    const cols = transposeB ? b.rows : b.cols;
    // An inner size of 0 is a sum of no terms; mathjs cannot multiply empty matrices.
    const inner = transposeA ? a.rows : a.cols;
    const product = inner === 0 ? math.zeros(rows, cols) : math.multiply(left, right);
    if (options?.accumulate === true && out !== undefined && out.hasShape(rows, cols)) {
      // The product, then the sum: the formula as written, for the oracle.
      return write('matmul', math.add(toMathjs(out), product), rows, cols, out);
    }
    return write('matmul', product, rows, cols, out);
  }

  add(a: Matrix, b: Matrix, out?: Matrix): Matrix {
    assertSameShape('add', a, b);
    return write('add', math.add(toMathjs(a), toMathjs(b)), a.rows, a.cols, out);
  }

  sub(a: Matrix, b: Matrix, out?: Matrix): Matrix {
    assertSameShape('sub', a, b);
    return write('sub', math.subtract(toMathjs(a), toMathjs(b)), a.rows, a.cols, out);
  }

  mul(a: Matrix, b: Matrix, out?: Matrix): Matrix {
    assertSameShape('mul', a, b);
    return write('mul', math.dotMultiply(toMathjs(a), toMathjs(b)), a.rows, a.cols, out);
  }

  scale(a: Matrix, factor: number, out?: Matrix): Matrix {
    return write('scale', math.multiply(toMathjs(a), factor), a.rows, a.cols, out);
  }

  addScaled(a: Matrix, b: Matrix, factor: number, out?: Matrix): Matrix {
    assertSameShape('addScaled', a, b);
    const sum = math.add(toMathjs(a), math.multiply(factor, toMathjs(b)));
    return write('addScaled', sum, a.rows, a.cols, out);
  }

  addRowVector(a: Matrix, row: Matrix, out?: Matrix): Matrix {
    assertRowVectorFits('addRowVector', a, row);
    // mathjs broadcasts the 1 × cols operand over the rows.
    return write('addRowVector', math.add(toMathjs(a), toMathjs(row)), a.rows, a.cols, out);
  }

  mulRowVector(a: Matrix, row: Matrix, out?: Matrix): Matrix {
    assertRowVectorFits('mulRowVector', a, row);
    const product = math.dotMultiply(toMathjs(a), toMathjs(row));
    return write('mulRowVector', product, a.rows, a.cols, out);
  }

  map(a: Matrix, fn: (x: number) => number, out?: Matrix): Matrix {
    return write('map', elementwise(a, fn), a.rows, a.cols, out);
  }

  sigmoid(a: Matrix, out?: Matrix): Matrix {
    const s = elementwise(a, (x) => math.divide(1, math.add(1, math.exp(-x))));
    return write('sigmoid', s, a.rows, a.cols, out);
  }


  sigmoidBackward(grad: Matrix, y: Matrix, out?: Matrix): Matrix {
    assertSameShape('sigmoidBackward', grad, y);
    const g = math.dotMultiply(toMathjs(grad), sigmoidPrime(y));
    return write('sigmoidBackward', g, y.rows, y.cols, out);
  }

  tanh(a: Matrix, out?: Matrix): Matrix {
    return write('tanh', elementwise(a, math.tanh), a.rows, a.cols, out);
  }


  tanhBackward(grad: Matrix, y: Matrix, out?: Matrix): Matrix {
    assertSameShape('tanhBackward', grad, y);
    const g = math.dotMultiply(toMathjs(grad), tanhPrime(y));
    return write('tanhBackward', g, y.rows, y.cols, out);
  }

  relu(a: Matrix, out?: Matrix): Matrix {
    return write('relu', elementwise(a, (x) => math.max(x, 0)), a.rows, a.cols, out);
  }


  reluBackward(grad: Matrix, y: Matrix, out?: Matrix): Matrix {
    assertSameShape('reluBackward', grad, y);
    const dense = toMathjs(y);
    // Selects rather than multiplies, so an infinite gradient where y ≤ 0 gives 0, not NaN.
    const g = math.map(toMathjs(grad), (v: number, index: number[]) =>
      math.larger(dense.get(index) as number, 0) ? v : 0,
    );
    return write('reluBackward', g, y.rows, y.cols, out);
  }

  sumColumns(a: Matrix, out?: Matrix): Matrix {
    return write('sumColumns', math.sum(toMathjs(a), 0), 1, a.cols, out);
  }

  meanColumns(a: Matrix, out?: Matrix): Matrix {
    return write('meanColumns', math.mean(toMathjs(a), 0), 1, a.cols, out);
  }

  varianceColumns(a: Matrix, out?: Matrix): Matrix {
    const variances = math.variance(toMathjs(a), 0, 'uncorrected');
    return write('varianceColumns', variances, 1, a.cols, out);
  }


  dot(a: Matrix, b: Matrix): number {
    assertSameShape('dot', a, b);
    return math.sum(math.dotMultiply(toMathjs(a), toMathjs(b))) as number;
  }

  concatColumns(parts: readonly Matrix[], out?: Matrix): Matrix {
    const { rows, cols } = assertConcatenable(parts);
    if (out !== undefined) for (const part of parts) assertNotAliased('concatColumns', out, part);
    const joined = math.concat(...parts.map(toMathjs), 1);
    return write('concatColumns', joined, rows, cols, out);
  }

  gatherRows(a: Matrix, indices: ArrayLike<number>, out?: Matrix): Matrix {
    assertRowIndices('gatherRows', a, indices);
    if (out !== undefined) assertNotAliased('gatherRows', out, a);
    const rows = Array.from(indices);
    const picked =
      rows.length === 0 || a.cols === 0
        ? math.zeros(rows.length, a.cols)
        : math.subset(toMathjs(a), math.index(rows, math.range(0, a.cols)));
    return write('gatherRows', picked, rows.length, a.cols, out);
  }

  argmaxRows(a: Matrix): Int32Array {
    const result = new Int32Array(a.rows).fill(-1);
    if (a.cols === 0) return result;
    const dense = toMathjs(a);
    for (let r = 0; r < a.rows; r++) {
      const values = (math.row(dense, r).toArray() as number[][])[0];
      // indexOf finds the first of equal maxima.
      result[r] = values.indexOf(math.max(values) as number);
    }
    return result;
  }

  clip(a: Matrix, min: number, max: number, out?: Matrix): Matrix {
    assertClipBounds(min, max);
    const clipped = elementwise(a, (x) => math.min(math.max(x, min), max));
    return write('clip', clipped, a.rows, a.cols, out);
  }

  allFinite(a: Matrix): boolean {
    const finite = math.isFinite(toMathjs(a)) as unknown as MathjsMatrix;
    return (math.flatten(finite).toArray() as unknown[]).every((v) => v === true);
  }
}

// Operands are read through `toArray` and results written flat: column views arrive as copies.
contiguousOperands(MathjsBackend.prototype);

function elementwise(a: Matrix, fn: (x: number) => number): MathjsMatrix {
  // A one-argument wrapper: mathjs passes (value, index, matrix) to callbacks that accept them.
  return math.map(toMathjs(a), (x: number) => fn(x));
}

function sigmoidPrime(y: Matrix): MathjsMatrix {
  const dense = toMathjs(y);
  return math.dotMultiply(dense, math.subtract(1, dense));
}

function tanhPrime(y: Matrix): MathjsMatrix {
  const dense = toMathjs(y);
  return math.subtract(1, math.dotMultiply(dense, dense)) as MathjsMatrix;
}

/** Copies a mathjs result of `rows × cols` values (any nesting) into `out` or a new Matrix. */
function write(op: string, value: unknown, rows: number, cols: number, out?: Matrix): Matrix {
  const result = resultMatrix(op, rows, cols, out);
  const nested: unknown = math.isMatrix(value) ? value.toArray() : value;
  const flat: unknown[] = Array.isArray(nested) ? nested.flat(Infinity) : [nested];
  if (flat.length !== rows * cols || !flat.every((v) => typeof v === 'number')) {
    throw new Error(`${op}: mathjs returned ${flat.length} values for ${rows}×${cols}`);
  }
  result.data.set(flat as number[]);
  return result;
}
