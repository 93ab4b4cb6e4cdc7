import { zerosFor } from '@synthgrad/tensor';
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
      backend,
    );
    // Copied once into the backend's own matrices (resident on wasm), as the network is.
    const xs = batchViews(dataset.x, batchSize).map((v) => zerosFor(backend, v.rows, v.cols).copyFrom(v));
    const ys = batchViews(dataset.y, batchSize).map((v) => zerosFor(backend, v.rows, v.cols).copyFrom(v));
    return {
      epoch() {
        for (let b = 0; b < xs.length; b++) {
          tutorialRawOpsStep(backend, net, xs[b], ys[b], TUTORIAL.alpha);
        }
      },
    };
  },
};
