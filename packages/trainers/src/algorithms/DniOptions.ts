import type { GeneratorInputSpec, PluginSpec } from '@synthgrad/core';
import type { DniStageOptions } from './DniStageOptions.js';

/** Options of the `dni` trainer; every one has the default given. */
export interface DniOptions extends DniStageOptions {
  /** What each generator looks at (default `"layer-output"`, the tutorial's first DNI; `"labels"` is cDNI). */
  readonly generatorInput?: GeneratorInputSpec;
  /** Hidden layer widths of each generator (default `[]`: linear, the tutorial's single matrix). */
  readonly generatorHiddenSizes?: readonly number[];
  /** Start each generator's last layer at zero, as the paper does (default true). */
  readonly zeroInitGenerator?: boolean;
  /** The generators' learning rate: number or mathjs expression of epoch/step (default: the layers'). */
  readonly generatorLearningRate?: number | string;
  /** The generators' optimiser (default `"sgd"`). */
  readonly generatorOptimiser?: PluginSpec;
  /** Initialiser of the generators' non-zero layers (default `"tutorial"`). */
  readonly generatorInitialiser?: PluginSpec;
  /**
   * Probability that a layer updates at a given step (default 1). Below 1 this is the paper's
   * random, unlocked update schedule: a skipped layer only runs forward that step, and the
   * generator below it receives no target.
   */
  readonly updateProbability?: number;
  /**
   * How the last layer learns (default `"true-gradient"`, the paper: from the loss directly);
   * `"synthetic"` gives it a generator of its own trained toward the loss gradient, as the tutorial does.
   */
  readonly lastLayer?: 'true-gradient' | 'synthetic';
  /**
   * The generators' regression loss over the batch: `"sum"` (default, Σ½|ĝ − g|²) or `"mean"`
   * (divided by the batch size, so the right generator rate no longer grows with the batch).
   */
  readonly generatorLoss?: 'sum' | 'mean';
  /**
   * How a generator's step is taken: `"gradient"` (default, its optimiser on the loss's gradient) or
   * `"nlms"`, normalised LMS: each example's error ĝ − g is first divided by ε + ‖φ‖², φ being what
   * the generator's last layer reads (the features, for a linear generator) with its bias's 1, so the
   * right rate no longer depends on the features' scale (for a linear generator, rates in (0, 2)).
   */
  readonly generatorStep?: 'gradient' | 'nlms';
  /** ε of `generatorStep: "nlms"` (default 1e-6), added to each example's squared norm. */
  readonly generatorNlmsEpsilon?: number;
  /**
   * Warm-up, which **uses back-propagation**: for the first k steps (default 0) the true gradient is
   * back-propagated and every generator learns toward the true gradient at its layer's output; the
   * layers use synthetic gradients from step k on.
   */
  readonly generatorWarmupSteps?: number;
  /** During warm-up the layers learn from the true gradient, as `backprop` (`"backprop"`, default), or keep their weights (`"frozen"`). */
  readonly generatorWarmupLayers?: 'backprop' | 'frozen';
  /** s: layers apply s·ĝ (default 1). Generators still learn toward the unscaled targets. */
  readonly syntheticGradientScale?: number;
  /** Layers apply ĝ (after scaling) clipped to [−c, c] per element (default: no clipping). */
  readonly syntheticGradientClip?: number;
  /**
   * λ: layers learn from λ·ĝ + (1 − λ)·g, g the true gradient (default 1, DNI; 0 is backprop).
   * Below 1 this uses back-propagation every step to get g: for study, not a backprop-free rule.
   */
  readonly syntheticGradientWeight?: number;
}
