import { resultMatrix } from '@synthgrad/tensor';
import type { Matrix, TensorBackend } from '@synthgrad/tensor';
import type { EvalFunction, MathNode } from 'mathjs';
import type { Activation } from './Activation.js';
import { assertSameShape } from './assertSameShape.js';
import { FormulaError } from './FormulaError.js';
import { parseScalarFormula } from './parseScalarFormula.js';
import { scalarMath } from './scalarMath.js';

/**
 * An activation written as a mathjs expression of `x`; the backward pass is mathjs's symbolic
 * `derivative(formula, 'x')`. Both are parsed and compiled once, in the constructor, which also
 * rejects formulas that do not parse, use a variable other than `x`, or have no derivative.
 * Formulas are scalar arithmetic only ({@link parseScalarFormula}): no matrices, strings, units,
 * assignments or calls outside a fixed set of real functions, so a formula cannot allocate, run
 * long or change shared state. A result that is not a number (a comparison's boolean) is NaN.
 *
 * Evaluation goes through mathjs for every element: about 200 ns each on the development machine,
 * against 3–25 ns for the fused built-ins, so prefer a built-in where one exists. A non-real result (e.g. `sqrt(x)`
 * of a negative `x`) becomes NaN, which training reports as divergence.
 *
 * @example
 * ```ts
 * const softsign = new FormulaActivation(backend, 'x / (1 + abs(x))');
 * const y = softsign.forward(z);              // z / (1 + |z|)
 * const dz = softsign.backward(dy, z, y);     // dy / (|z| + 1)²
 * ```
 */
export class FormulaActivation implements Activation {
  readonly name: string;
  /** The simplified derivative mathjs found, e.g. `1 / (abs(x) + 1) ^ 2`. */
  readonly derivative: string;
  readonly #f: EvalFunction;
  readonly #df: EvalFunction;
  // mathjs wraps a plain-object scope in a new Map on every call; a reused Map skips that (measured 2× faster).
  readonly #scope = new Map<string, number>([['x', 0]]);
  readonly #value = (x: number): number => this.#evaluate(this.#f, x);

  constructor(
    private readonly backend: TensorBackend,
    readonly formula: string,
  ) {
    this.name = formula;
    const node = parseScalarFormula(formula, ['x'], (reason) => new FormulaError(formula, reason));
    this.#f = node.compile();
    // Unknown functions only show when evaluated; find them now rather than mid-training.
    this.#probe('formula', this.#f);
    let slope: MathNode;
    try {
      slope = scalarMath.derivative(node, 'x');
    } catch (error) {
      throw new FormulaError(formula, `mathjs cannot differentiate it (${messageOf(error)})`);
    }
    this.derivative = slope.toString();
    this.#df = slope.compile();
    this.#probe(`derivative ${this.derivative}`, this.#df);
  }

  forward(z: Matrix, out?: Matrix): Matrix {
    return this.backend.map(z, this.#value, out);
  }

  backward(gradOutput: Matrix, z: Matrix, _y: Matrix, out?: Matrix): Matrix {
    assertSameShape('FormulaActivation.backward', 'gradient', gradOutput, 'pre-activation', z);
    const dz = resultMatrix('FormulaActivation.backward', z.rows, z.cols, out);
    const gd = gradOutput.data;
    const zd = z.data;
    const dd = dz.data;
    for (let i = 0; i < dd.length; i++) dd[i] = gd[i] * this.#evaluate(this.#df, zd[i]);
    return dz;
  }

  #probe(what: string, fn: EvalFunction): void {
    try {
      this.#evaluate(fn, 0.5);
    } catch (error) {
      throw new FormulaError(this.formula, `the ${what} does not evaluate: ${messageOf(error)}`);
    }
  }

  #evaluate(fn: EvalFunction, x: number): number {
    this.#scope.set('x', x);
    const value: unknown = fn.evaluate(this.#scope);
    return typeof value === 'number' ? value : NaN;
  }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
