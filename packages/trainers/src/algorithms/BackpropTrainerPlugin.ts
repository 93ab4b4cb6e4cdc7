import { readOptions, type TrainerAlgorithmPlugin, type TrainerContext } from '@synthgrad/core';
import { inject, injectable } from 'inversify';
import { buildNetwork } from '../network/buildNetwork.js';
import { LayerRegistries } from '../network/LayerRegistries.js';
import { layerLearningRate } from '../network/layerLearningRate.js';
import { BackpropTrainer } from './BackpropTrainer.js';

/** `backprop`: the baseline every synthetic-gradient method is compared with. */
@injectable()
export class BackpropTrainerPlugin implements TrainerAlgorithmPlugin<Record<string, never>> {
  readonly name = 'backprop';
  readonly description = 'back-propagation of the true gradient through every layer (the baseline)';

  constructor(@inject(LayerRegistries) private readonly registries: LayerRegistries) {}

  create(context: TrainerContext, options?: Record<string, never>): BackpropTrainer {
    readOptions('backprop', options, []);
    return new BackpropTrainer(
      buildNetwork(context, this.registries),
      layerLearningRate(context),
    );
  }
}
