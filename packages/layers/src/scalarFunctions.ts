/**
 * The functions a formula or schedule may call: real functions of real numbers, no matrices,
 * strings, units or evaluation. Each returns a number for number arguments in bounded time.
 */
export const scalarFunctions: ReadonlySet<string> = new Set([
  'abs', 'sign', 'sqrt', 'cbrt', 'square', 'cube', 'exp', 'expm1', 'log', 'log1p', 'log2', 'log10', 'pow',
  'sin', 'cos', 'tan', 'sec', 'csc', 'cot', 'asin', 'acos', 'atan', 'atan2',
  'sinh', 'cosh', 'tanh', 'sech', 'csch', 'coth', 'asinh', 'acosh', 'atanh',
  'floor', 'ceil', 'round', 'fix', 'mod', 'min', 'max', 'hypot', 'erf', 'gamma',
]);

/** Named constants a formula may use besides its variables. */
export const scalarConstants: ReadonlySet<string> = new Set([
  'pi', 'e', 'tau', 'phi', 'LN2', 'LN10', 'LOG2E', 'LOG10E', 'SQRT2', 'SQRT1_2',
]);

/** Operators a formula may use (mathjs function names): arithmetic and comparisons. */
export const scalarOperators: ReadonlySet<string> = new Set([
  'add', 'subtract', 'multiply', 'divide', 'pow', 'mod', 'unaryMinus', 'unaryPlus',
  'smaller', 'larger', 'smallerEq', 'largerEq', 'equal', 'unequal',
]);
