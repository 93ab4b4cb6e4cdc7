import type { MathNode } from 'mathjs';
import { quoteFormula } from './quoteFormula.js';
import { ScalarFormulaLimits } from './ScalarFormulaLimits.js';
import { scalarConstants, scalarFunctions, scalarOperators } from './scalarFunctions.js';
import { scalarMath } from './scalarMath.js';

/** A formula that is not scalar arithmetic on its variables: `reason` says what was found. */
export type ScalarFormulaRejection = (reason: string) => Error;

const allowedNodes = new Set(['ConstantNode', 'SymbolNode', 'OperatorNode', 'FunctionNode', 'ParenthesisNode', 'ConditionalNode']);

/**
 * Parses a formula of the named `variables` (on the private {@link scalarMath} instance) and checks
 * the whole tree before anything is evaluated: only number constants, the variables, the constants
 * and functions of {@link scalarFunctions}, arithmetic and comparison operators and `a ? b : c`,
 * within {@link ScalarFormulaLimits}. So evaluating it takes bounded time, yields a number or a
 * boolean, and changes no state. Anything else is passed to `reject` with a one-line reason.
 *
 * @example
 * ```ts
 * const node = parseScalarFormula('0.1 * 0.5 ^ floor(epoch / 10)', ['epoch', 'step'], (r) => new Error(r));
 * node.compile().evaluate({ epoch: 20, step: 0 }); // 0.025
 * ```
 */
export function parseScalarFormula(text: string, variables: readonly string[], reject: ScalarFormulaRejection): MathNode {
  if (text.length > ScalarFormulaLimits.length) {
    throw reject(`is ${text.length} characters long; at most ${ScalarFormulaLimits.length} are allowed`);
  }
  let node: MathNode;
  try {
    node = scalarMath.parse(text);
  } catch (error) {
    throw reject(`does not parse: ${error instanceof Error ? error.message : String(error)}`);
  }
  const allowedNames = `only ${variables.join(', ')} and the constants ${[...scalarConstants].join(', ')} are defined`;
  let count = 0;
  node.traverse((child, path, parent) => {
    count++;
    if (count > ScalarFormulaLimits.nodes) throw reject(`has more than ${ScalarFormulaLimits.nodes} terms`);
    const found = `${child.type} ${quoteFormula(child.toString())}`;
    if (!allowedNodes.has(child.type)) {
      throw reject(`only arithmetic on numbers and calls of the allowed functions are allowed, found ${found}`);
    }
    if (child.type === 'ConstantNode') {
      const value = (child as unknown as { value: unknown }).value;
      if (typeof value !== 'number') throw reject(`only number constants are allowed, found ${found}`);
    } else if (child.type === 'OperatorNode') {
      const fn = (child as unknown as { fn: string; op: string }).fn;
      if (!scalarOperators.has(fn)) throw reject(`the operator "${(child as unknown as { op: string }).op}" is not allowed, found ${found}`);
    } else if (child.type === 'FunctionNode') {
      const call = child as unknown as { fn: MathNode; args: MathNode[] };
      const name = call.fn.type === 'SymbolNode' ? (call.fn as unknown as { name: string }).name : undefined;
      if (name === undefined || !scalarFunctions.has(name)) {
        throw reject(`calls ${name === undefined ? quoteFormula(call.fn.toString()) : `"${name}"`}; the functions allowed are ${functionList()}`);
      }
      if (call.args.length > ScalarFormulaLimits.arguments) {
        throw reject(`calls "${name}" with ${call.args.length} arguments; at most ${ScalarFormulaLimits.arguments} are allowed`);
      }
    } else if (child.type === 'SymbolNode' && !(path === 'fn' && parent?.type === 'FunctionNode')) {
      const name = (child as unknown as { name: string }).name;
      if (!variables.includes(name) && !scalarConstants.has(name)) throw reject(`uses "${name}"; ${allowedNames}`);
    }
  });
  return node;
}

function functionList(): string {
  return [...scalarFunctions].join(', ');
}
