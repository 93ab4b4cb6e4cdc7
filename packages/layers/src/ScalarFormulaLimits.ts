/** Size bounds of a {@link parseScalarFormula} formula: they bound parsing and evaluation time. */
export const ScalarFormulaLimits = {
  /** Characters of formula text. */
  length: 500,
  /** Nodes of the parsed tree. */
  nodes: 200,
  /** Arguments of one function call. */
  arguments: 8,
} as const;
