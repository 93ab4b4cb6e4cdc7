import { SynthgradError } from '@synthgrad/core';
import { quoteFormula } from './quoteFormula.js';

/** A mathjs formula cannot serve as an activation; the message quotes the formula and says why. */
export class FormulaError extends SynthgradError {
  override name = 'FormulaError';
  constructor(
    readonly formula: string,
    reason: string,
  ) {
    super(`activation formula ${quoteFormula(formula)}: ${reason}`);
  }
}
