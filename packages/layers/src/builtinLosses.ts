import type { LossPlugin } from './Loss.js';
import { MseLoss } from './MseLoss.js';
import { SoftmaxCrossEntropyLoss } from './SoftmaxCrossEntropyLoss.js';
import { TutorialDeltaLoss } from './TutorialDeltaLoss.js';

/**
 * The loss plugins `layersModule` binds: `tutorial-delta`, `mse`, `softmax-cross-entropy`.
 *
 * @example
 * ```ts
 * const registry = new PluginRegistry('loss', builtinLosses); // without a container
 * ```
 */
export const builtinLosses: readonly LossPlugin[] = [
  {
    name: 'tutorial-delta',
    description: 'the tutorial\'s: value mean Σ½(out−y)², gradient out − y (summed over the batch)',
    create: (backend) => new TutorialDeltaLoss(backend),
  },
  {
    name: 'mse',
    description: 'mean squared error over all elements, gradient of that mean',
    create: (backend) => new MseLoss(backend),
  },
  {
    name: 'softmax-cross-entropy',
    description: 'cross-entropy of softmax(logits), mean over the batch',
    create: () => new SoftmaxCrossEntropyLoss(),
  },
];
