import { ContainerModule } from 'inversify';
import {
  createSynthgradContainer,
  createTrainer,
  TensorBackendPlugin,
  tutorialNetwork,
  type Dataset,
  type DniOptions,
} from 'synthgrad';
import { batchViews } from './batchViews.js';
import { TUTORIAL } from './tutorialConfig.js';
import type { TutorialVariant } from './TutorialVariant.js';

/**
 * The tutorial workload through the public API (`createTrainer` + `step`, the layers, the DI
 * container), timed against the raw-ops baseline: the abstractions must not cost.
 */
export function trainersVariant(name: string, algorithm: 'backprop' | 'dni', options?: DniOptions): TutorialVariant {
  return {
    name,
    create(backend, data, batchSize, rng) {
      // The bench hands over a backend instance; a one-off plugin lets the container select it.
      const benchBackend = new ContainerModule(({ bind }) => {
        bind(TensorBackendPlugin).toConstantValue({ name: 'bench', description: 'the benchmarked backend', create: () => backend });
      });
      const container = createSynthgradContainer({ modules: [benchBackend], backend: 'bench' });
      const split = { inputs: data.x, labels: data.y };
      const dataset: Dataset = {
        name: 'bench-binary-addition',
        task: 'binary-digits',
        inputSize: data.x.cols,
        labelSize: data.y.cols,
        train: split,
        test: split,
      };
      const trainer = createTrainer(container, dataset, {
        algorithm,
        options,
        network: tutorialNetwork(TUTORIAL.bits),
        seed: rng.int(2 ** 31),
      });
      const xs = batchViews(data.x, batchSize);
      const ys = batchViews(data.y, batchSize);
      let step = 0;
      return {
        epoch() {
          for (let b = 0; b < xs.length; b++) trainer.step({ inputs: xs[b], labels: ys[b] }, { epoch: 0, step: step++ });
        },
      };
    },
  };
}
