import { SynthgradError } from '@synthgrad/core';

/** A mathjs formula cannot serve as an activation; the message quotes the formula and says why. */
export class FormulaError extends SynthgradError {
  override name = 'FormulaError';
  constructor(
    readonly formula: string,
    reason: string,
  ) {
    super(`activation formula "${formula}": ${reason}`);
  }
}
