import { rawOpsVariant } from './rawOpsVariant.js';
import type { TutorialVariant } from './TutorialVariant.js';

/** Every way of running the tutorial workload that the bench times; the first is the baseline. */
export const TUTORIAL_VARIANTS: readonly TutorialVariant[] = [rawOpsVariant];
