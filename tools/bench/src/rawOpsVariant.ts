import { batchViews } from './batchViews.js';
import { TUTORIAL } from './tutorialConfig.js';
import { createRawOpsNetwork, tutorialRawOpsStep } from './tutorialRawOps.js';
import type { TutorialVariant } from './TutorialVariant.js';

/** The tutorial workload on bare {@link tutorialRawOpsStep} calls: the baseline. */
export const rawOpsVariant: TutorialVariant = {
  name: 'raw ops',
  create(backend, dataset, batchSize, rng) {
    const net = createRawOpsNetwork(
      rng,
      TUTORIAL.layerSizes,
      batchSize,
      TUTORIAL.weightMean,
      TUTORIAL.weightStd,
    );
    const xs = batchViews(dataset.x, batchSize);
    const ys = batchViews(dataset.y, batchSize);
    return {
      epoch() {
        for (let b = 0; b < xs.length; b++) {
          tutorialRawOpsStep(backend, net, xs[b], ys[b], TUTORIAL.alpha);
        }
      },
    };
  },
};
