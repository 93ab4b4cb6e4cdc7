import { ConfigError } from '@synthgrad/core';
import { parseScalarFormula, quoteFormula } from '@synthgrad/layers';

/** Where training is, for schedules: `epoch` is the number of passes over the training set completed before this step (0 during the first epoch), `step` counts batches from 0 over the whole run. */
export interface TrainingProgress {
  readonly epoch: number;
  readonly step: number;
}

/** A learning rate as a function of progress. */
export type LearningRateSchedule = (progress: TrainingProgress) => number;

const VARIABLES = ['epoch', 'step'];

/**
 * A constant, or a mathjs expression of `epoch` and `step`, compiled once. Expressions are scalar
 * arithmetic only (`parseScalarFormula` of `@synthgrad/layers`: a fixed set of real functions, no
 * matrices, strings, units or evaluation), so a rate takes bounded time and changes no shared state;
 * a result that is not a finite, non-negative number is an error naming the step.
 *
 * @example
 * ```ts
 * const lr = compileSchedule('0.1 * 0.5 ^ floor(epoch / 10)');
 * lr({ epoch: 20, step: 0 }); // 0.025
 * ```
 */
export function compileSchedule(spec: number | string, path = 'learningRate'): LearningRateSchedule {
  if (typeof spec === 'number') {
    if (!Number.isFinite(spec) || spec < 0) {
      throw new ConfigError(path, `expected a finite, non-negative number, got ${spec}`);
    }
    return () => spec;
  }
  const node = parseScalarFormula(spec, [...VARIABLES], (reason) => new ConfigError(path, `${quoteFormula(spec)} ${reason}`));
  const code = node.compile();
  const scope = { epoch: 0, step: 0 };
  return (progress) => {
    scope.epoch = progress.epoch;
    scope.step = progress.step;
    const value = code.evaluate(scope) as unknown;
    if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
      throw new ConfigError(
        path,
        `${quoteFormula(spec)} gave ${typeof value === 'number' ? String(value) : `a ${typeof value}`} with epoch = ${progress.epoch}, step = ${progress.step}; expected a finite, non-negative number`,
      );
    }
    return value;
  };
}
