import { ConfigError } from '@synthgrad/core';
import { Matrix } from '@synthgrad/tensor';
import type { DniOptions } from './DniOptions.js';
import type { SyntheticGradientPolicy } from './SyntheticGradientPolicy.js';

/** The warm-up `dni` options, checked: null when there is none (k = 0). */
export function readGeneratorWarmup(options: DniOptions): { readonly steps: number; readonly layers: 'backprop' | 'frozen' } | null {
  const { generatorWarmupSteps: steps = 0, generatorWarmupLayers: layers } = options;
  if (typeof steps !== 'number' || !Number.isInteger(steps) || steps < 0) {
    throw new ConfigError('dni.generatorWarmupSteps', `expected a whole number of steps ≥ 0, got ${JSON.stringify(steps)}`);
  }
  if (layers !== undefined && layers !== 'backprop' && layers !== 'frozen') {
    throw new ConfigError('dni.generatorWarmupLayers', `expected "backprop" or "frozen", got ${JSON.stringify(layers)}`);
  }
  if (steps === 0) {
    if (layers !== undefined) {
      throw new ConfigError('dni.generatorWarmupLayers', 'only used with generatorWarmupSteps > 0; remove one of them');
    }
    return null;
  }
  return { steps, layers: layers ?? 'backprop' };
}

/**
 * The `dni` warm-up (option `generatorWarmupSteps` k), a known trick that **uses back-propagation**:
 * for the first k steps the trainer takes, every layer runs forward, the true gradient g_i = dLoss/dh_i
 * is back-propagated through all of them, and each generator learns toward the g_i of its layer's
 * output. The layers learn from g_i too, as in `backprop` (`layers: "backprop"`), or keep their
 * weights (`"frozen"`); the random update schedule is not drawn. Afterwards the trainer is `dni`. As a
 * {@link SyntheticGradientPolicy} it is run by {@link BackpropagatedDniStep}; the count of steps taken
 * is trainer state.
 *
 * @example
 * ```ts
 * const warmup = new GeneratorWarmup(8, 'backprop');
 * if (warmup.active) { sweep.step(batch, warmup, rates, 1, rng); warmup.advance(); }
 * ```
 */
export class GeneratorWarmup implements SyntheticGradientPolicy {
  readonly name = 'warm-up';
  readonly backpropagates = true;
  readonly generatorTarget = 'true-gradient';
  /** Steps taken so far (1 × 1), saved and loaded with the trainer. */
  readonly taken = new Matrix(1, 1);

  constructor(
    /** k. */
    readonly steps: number,
    readonly layers: 'backprop' | 'frozen',
  ) {}

  /** True while fewer than k steps have been taken. */
  get active(): boolean {
    return this.taken.data[0] < this.steps;
  }

  /** Counts one warm-up step taken. */
  advance(): void {
    this.taken.data[0]++;
  }

  applied(_i: number, _prediction: Matrix | null, trueGradient: Matrix | null): Matrix | null {
    if (trueGradient === null) throw new Error('GeneratorWarmup: the true gradient is needed (a back-propagated step)');
    return this.layers === 'backprop' ? trueGradient : null;
  }

  /** `{ taken }`, for the trainer's state. */
  state(): Readonly<Record<string, Matrix>> {
    return { taken: this.taken };
  }
}
