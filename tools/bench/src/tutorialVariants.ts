import { rawOpsVariant } from './rawOpsVariant.js';
import { trainersVariant } from './trainersVariant.js';
import type { TutorialVariant } from './TutorialVariant.js';

/** Every way of running the tutorial workload that the bench times; the first is the baseline. */
export const TUTORIAL_VARIANTS: readonly TutorialVariant[] = [
  rawOpsVariant,
  trainersVariant('trainers API: backprop', 'backprop'),
  trainersVariant('trainers API: dni (labels)', 'dni', { generatorInput: 'labels', generatorLearningRate: 0.01 }),
];
