import { ConfigError, GeneratorInputRegistry, readOptions, type LayerShape, type TrainerAlgorithmPlugin, type TrainerContext } from '@synthgrad/core';
import { createGeneratorInput } from '@synthgrad/generator-inputs';
import { SyntheticGradientGenerator } from '@synthgrad/layers';
import { inject, injectable } from 'inversify';
import { buildNetwork, resolveInitialiser, resolveOptimiser } from '../network/buildNetwork.js';
import { compileSchedule } from '../schedule/compileSchedule.js';
import { LayerRegistries } from '../network/LayerRegistries.js';
import { layerLearningRate } from '../network/layerLearningRate.js';
import type { DecoupledLayer } from './DecoupledLayer.js';
import { DniTrainer } from './DniTrainer.js';
import type { LockStepDniTrainer } from './LockStepDniTrainer.js';
import type { DniOptions } from './DniOptions.js';
import { DNI_STAGE_OPTION_NAMES } from './DniStageOptions.js';
import { simulateStages } from './simulateStages.js';
import { GeneratorWarmup, readGeneratorWarmup } from './GeneratorWarmup.js';
import { readGeneratorStep } from './readGeneratorStep.js';
import { readSyntheticGradientUse } from './SyntheticGradientUse.js';

/** Options that back-propagate the true gradient through every layer, which stages cannot: refused with `stages`. */
const NOT_WITH_STAGES = ['syntheticGradientWeight', 'generatorWarmupSteps', 'generatorWarmupLayers'] as const;

/** Every key a `DniOptions` may have: others are typos and fail. */
const DNI_OPTION_NAMES: readonly (keyof DniOptions)[] = [
  'generatorInput',
  'generatorHiddenSizes',
  'zeroInitGenerator',
  'generatorLearningRate',
  'generatorOptimiser',
  'generatorInitialiser',
  'updateProbability',
  'lastLayer',
  'generatorLoss',
  'generatorStep',
  'generatorNlmsEpsilon',
  'generatorWarmupSteps',
  'generatorWarmupLayers',
  'syntheticGradientScale',
  'syntheticGradientClip',
  'syntheticGradientWeight',
  ...DNI_STAGE_OPTION_NAMES,
];

/** `dni`: every layer learns at once from a synthetic gradient (Jaderberg et al. 2016). */
@injectable()
export class DniTrainerPlugin implements TrainerAlgorithmPlugin<DniOptions> {
  readonly name = 'dni';
  readonly description = 'decoupled neural interfaces: layers update from synthetic gradients predicted by generators';

  constructor(
    @inject(LayerRegistries) private readonly registries: LayerRegistries,
    @inject(GeneratorInputRegistry) private readonly generatorInputs: GeneratorInputRegistry,
  ) {}

  create(context: TrainerContext, dniOptions?: DniOptions): DniTrainer | LockStepDniTrainer {
    const options = readOptions('dni', dniOptions, DNI_OPTION_NAMES) as DniOptions;
    const { backend, rng } = context;
    const probability = options.updateProbability ?? 1;
    if (!(probability > 0 && probability <= 1)) {
      throw new ConfigError('dni.updateProbability', `expected a number in (0, 1], got ${probability}`);
    }
    const lastLayer = options.lastLayer ?? 'true-gradient';
    if (lastLayer !== 'true-gradient' && lastLayer !== 'synthetic') {
      throw new ConfigError('dni.lastLayer', `expected "true-gradient" or "synthetic", got ${JSON.stringify(lastLayer)}`);
    }
    const generatorLoss = options.generatorLoss ?? 'sum';
    if (generatorLoss !== 'sum' && generatorLoss !== 'mean') {
      throw new ConfigError('dni.generatorLoss', `expected "sum" or "mean", got ${JSON.stringify(generatorLoss)}`);
    }
    const step = readGeneratorStep(options);
    const use = readSyntheticGradientUse(options);
    const warmup = readGeneratorWarmup(options);
    if (options.stages !== undefined) {
      const refused = NOT_WITH_STAGES.find((name) => options[name] !== undefined);
      if (refused !== undefined) {
        throw new ConfigError(`dni.${refused}`, 'not supported with dni.stages (it back-propagates the true gradient through every layer, which decoupled stages do not); remove one of them');
      }
    }
    const hiddenSizes = options.generatorHiddenSizes ?? [];
    hiddenSizes.forEach((size, i) => {
      if (!Number.isInteger(size) || size < 1) {
        throw new ConfigError(`dni.generatorHiddenSizes[${i}]`, `expected a positive integer, got ${size}`);
      }
    });
    const network = buildNetwork(context, this.registries);
    const layers = layerLearningRate(context);
    const generators =
      options.generatorLearningRate === undefined
        ? layers
        : compileSchedule(options.generatorLearningRate, 'dni.generatorLearningRate');
    const optimiser = resolveOptimiser(this.registries, context, options.generatorOptimiser ?? 'sgd');
    const initialiser = resolveInitialiser(this.registries, options.generatorInitialiser ?? 'tutorial');
    const count = network.layers.length;
    const decoupled: DecoupledLayer[] = network.layers.map((layer, index) => {
      if (index === count - 1 && lastLayer === 'true-gradient') return { layer, synthesis: null };
      const shape: LayerShape = {
        index,
        count,
        inputSize: layer.inputSize,
        outputSize: layer.outputSize,
        dataInputSize: context.inputSize,
        labelSize: context.labelSize,
        inputShape: network.shapes[index].input,
        outputShape: network.shapes[index].output,
      };
      const input = createGeneratorInput(this.generatorInputs, options.generatorInput ?? 'layer-output', shape, backend);
      const generator = new SyntheticGradientGenerator(backend, {
        inputSize: input.size,
        outputSize: layer.outputSize,
        hiddenSizes,
        zeroInitLastLayer: options.zeroInitGenerator ?? true,
        initialiser,
        optimiser,
        rng,
        loss: generatorLoss,
        ...step,
      });
      return { layer, synthesis: { input, generator } };
    });
    const schedules = { layers, generators };
    const stageRng = rng.fork();
    const warmupStep = warmup === null ? null : new GeneratorWarmup(warmup.steps, warmup.layers);
    const trainer = new DniTrainer(backend, network, decoupled, schedules, probability, stageRng, use, warmupStep);
    return options.stages === undefined ? trainer : simulateStages(backend, trainer, options, schedules, probability, stageRng);
  }
}
