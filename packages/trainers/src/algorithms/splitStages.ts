import { ConfigError } from '@synthgrad/core';

/** A layer's size as far as its cost per step goes. */
export interface LayerSize {
  readonly inputSize: number;
  readonly outputSize: number;
}

/**
 * Layer counts per stage: `stages` as given when it is a list, otherwise K consecutive groups
 * whose multiply-adds (inputSize · outputSize per layer) are as even as a greedy cut makes them.
 *
 * @example
 * ```ts
 * splitStages([{ inputSize: 784, outputSize: 1024 }, { inputSize: 1024, outputSize: 1024 },
 *   { inputSize: 1024, outputSize: 10 }], 2);   // [1, 2]
 * ```
 */
export function splitStages(layers: readonly LayerSize[], stages: number | readonly number[]): number[] {
  const count = layers.length;
  if (typeof stages !== 'number') {
    stages.forEach((n, i) => {
      if (!Number.isInteger(n) || n < 1) throw new ConfigError(`dni.stages[${i}]`, `expected a positive integer, got ${n}`);
    });
    const total = stages.reduce((a, b) => a + b, 0);
    if (total !== count) {
      throw new ConfigError('dni.stages', `the stages hold ${total} layers [${stages.join(', ')}] but the network has ${count}`);
    }
    return [...stages];
  }
  if (!Number.isInteger(stages) || stages < 1 || stages > count) {
    throw new ConfigError('dni.stages', `expected an integer from 1 to the network's ${count} layers, got ${stages}`);
  }
  const costs = layers.map((l) => l.inputSize * l.outputSize);
  const split: number[] = [];
  let start = 0;
  let remaining = costs.reduce((a, b) => a + b, 0);
  for (let k = stages; k > 1; k--) {
    const target = remaining / k;
    let end = start + 1;
    let cost = costs[start];
    // Take the next layer while that brings the stage closer to its share, leaving a layer per later stage.
    while (end < count - (k - 1) && Math.abs(cost + costs[end] - target) <= Math.abs(cost - target)) cost += costs[end++];
    split.push(end - start);
    remaining -= cost;
    start = end;
  }
  split.push(count - start);
  return split;
}
