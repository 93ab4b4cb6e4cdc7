export { bindPluginRegistry } from './bindPluginRegistry.js';
export { boundBy, providerOf, type TokenProvider } from './boundBy.js';
export { coreModule } from './coreModule.js';
export { createContainer, type CreateContainerOptions } from './createContainer.js';
export {
  DatasetPlugin,
  DatasetRegistry,
  type Dataset,
  type DatasetSplit,
  type DatasetTask,
} from './Dataset.js';
export { ConfigError, DuplicatePluginError, MissingModuleError, SynthgradError, UnknownPluginError } from './errors.js';
export {
  GeneratorInputPlugin,
  GeneratorInputRegistry,
  type GeneratorInput,
  type GeneratorInputContext,
  type GeneratorInputEnvironment,
  type GeneratorInputSpec,
  type LayerShape,
} from './GeneratorInput.js';
export type { NamedPlugin } from './NamedPlugin.js';
export { DEFAULT_LAYER_TYPE, layerType } from './layerType.js';
export type {
  DenseLayerOptions,
  DenseLayerSpec,
  DropoutLayerOptions,
  LayerOptionsMap,
  LayerSpec,
  LayerSpecOf,
  NetworkSpec,
  PluginSpec,
} from './NetworkSpec.js';
export { didYouMean, nearestNames } from './nearestNames.js';
export { PluginRegistry } from './PluginRegistry.js';
export { describeValue, readOptions } from './readOptions.js';
export { TensorBackend, TensorBackendPlugin, TensorBackendRegistry, type TensorBackendOptions } from './TensorBackendPlugin.js';
export {
  TrainerAlgorithmPlugin,
  TrainerAlgorithmRegistry,
  type Batch,
  type GradientAlignment,
  type StepMetrics,
  type TrainerAlgorithm,
  type TrainerContext,
  type TrainerState,
} from './TrainerAlgorithm.js';
