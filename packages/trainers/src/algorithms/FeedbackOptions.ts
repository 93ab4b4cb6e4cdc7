import type { PluginSpec } from '@synthgrad/core';

/** Options of `feedback-alignment` and `direct-feedback-alignment`. */
export interface FeedbackOptions {
  /** Initialiser of the fixed random feedback matrices (default: the network's initialiser). */
  readonly feedbackInitialiser?: PluginSpec;
}

export const FEEDBACK_OPTION_NAMES: readonly (keyof FeedbackOptions)[] = ['feedbackInitialiser'];
