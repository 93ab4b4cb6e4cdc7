import { TrainerAlgorithmPlugin } from '@synthgrad/core';
import { ActivationRegistry, InitialiserRegistry, LayerRegistry, LossRegistry, OptimiserRegistry } from '@synthgrad/layers';
import { ContainerModule } from 'inversify';
import { BackpropTrainerPlugin } from './algorithms/BackpropTrainerPlugin.js';
import { DirectFeedbackAlignmentTrainerPlugin } from './algorithms/DirectFeedbackAlignmentTrainerPlugin.js';
import { DniTrainerPlugin } from './algorithms/DniTrainerPlugin.js';
import { FeedbackAlignmentTrainerPlugin } from './algorithms/FeedbackAlignmentTrainerPlugin.js';
import { LastLayerOnlyTrainerPlugin } from './algorithms/LastLayerOnlyTrainerPlugin.js';
import { LayerRegistries } from './network/LayerRegistries.js';

/** Binds the built-in trainers (`backprop`, `dni`, `feedback-alignment`, `direct-feedback-alignment`, `last-layer-only`). Needs `layersModule` and `generatorInputsModule` loaded too. */
export const trainersModule = new ContainerModule((options) => {
  options
    .bind(LayerRegistries)
    .toResolvedValue(
      (
        activations: ActivationRegistry,
        losses: LossRegistry,
        initialisers: InitialiserRegistry,
        optimisers: OptimiserRegistry,
        layerKinds: LayerRegistry,
      ) => ({
        layerKinds,
        activations,
        losses,
        initialisers,
        optimisers,
      }),
      [ActivationRegistry, LossRegistry, InitialiserRegistry, OptimiserRegistry, LayerRegistry],
    );
  options.bind(TrainerAlgorithmPlugin).to(BackpropTrainerPlugin);
  options.bind(TrainerAlgorithmPlugin).to(DniTrainerPlugin);
  options.bind(TrainerAlgorithmPlugin).to(FeedbackAlignmentTrainerPlugin);
  options.bind(TrainerAlgorithmPlugin).to(DirectFeedbackAlignmentTrainerPlugin);
  options.bind(TrainerAlgorithmPlugin).to(LastLayerOnlyTrainerPlugin);
});
