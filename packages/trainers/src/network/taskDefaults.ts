import type { DatasetTask } from '@synthgrad/core';

/** The activations and loss a network gets by default for each dataset task (see `DenseLayerOptions.activation`). */
export const TASK_DEFAULTS: Readonly<Record<DatasetTask, { readonly hidden: string; readonly output: string; readonly loss: string }>> = {
  'binary-digits': { hidden: 'sigmoid', output: 'sigmoid', loss: 'tutorial-delta' },
  classification: { hidden: 'relu', output: 'identity', loss: 'softmax-cross-entropy' },
};
