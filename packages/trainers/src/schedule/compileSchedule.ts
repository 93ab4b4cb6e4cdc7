import { ConfigError } from '@synthgrad/core';
import { compile, parse } from 'mathjs';

/** Where training is, for schedules: `epoch` counts from 0, `step` counts batches from 0 over the whole run. */
export interface TrainingProgress {
  readonly epoch: number;
  readonly step: number;
}

/** A learning rate as a function of progress. */
export type LearningRateSchedule = (progress: TrainingProgress) => number;

const VARIABLES = new Set(['epoch', 'step']);

/**
 * A constant, or a mathjs expression of `epoch` and `step`, compiled once.
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
  let node;
  try {
    node = parse(spec);
  } catch (error) {
    throw new ConfigError(path, `cannot parse "${spec}" as a mathjs expression: ${(error as Error).message}`);
  }
  const symbols = node.filter((n) => n.type === 'SymbolNode').map((n) => (n as unknown as { name: string }).name);
  const unknown = [...new Set(symbols)].filter((name) => !VARIABLES.has(name) && isFreeVariable(name));
  if (unknown.length > 0) {
    throw new ConfigError(path, `"${spec}" uses ${unknown.map((u) => `"${u}"`).join(', ')}; only epoch and step are defined`);
  }
  const code = compile(spec);
  const scope = { epoch: 0, step: 0 };
  return (progress) => {
    scope.epoch = progress.epoch;
    scope.step = progress.step;
    const value = code.evaluate(scope) as unknown;
    if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
      throw new ConfigError(
        path,
        `"${spec}" gave ${String(value)} at epoch ${progress.epoch}, step ${progress.step}; expected a finite, non-negative number`,
      );
    }
    return value;
  };
}

/** Names mathjs resolves by itself (functions, constants) are not free variables. */
function isFreeVariable(name: string): boolean {
  try {
    compile(name).evaluate({});
    return false;
  } catch {
    return true;
  }
}
