export { ActivationPlugin, ActivationRegistry, type Activation } from './Activation.js';
export { ActivationLayer } from './ActivationLayer.js';
export { AdamOptimiser, type AdamOptions } from './AdamOptimiser.js';
export { BatchNorm, type BatchNormOptions } from './BatchNorm.js';
export { builtinActivations } from './builtinActivations.js';
export { builtinInitialisers } from './builtinInitialisers.js';
export { builtinLosses } from './builtinLosses.js';
export { builtinOptimisers } from './builtinOptimisers.js';
export { Dense, type DenseOptions } from './Dense.js';
export { FormatError } from './FormatError.js';
export { FormulaActivation } from './FormulaActivation.js';
export { FormulaError } from './FormulaError.js';
export { collectState } from './collectState.js';
export { fromNpy } from './fromNpy.js';
export { InitialiserPlugin, InitialiserRegistry, type Initialiser } from './Initialiser.js';
export type { Layer } from './Layer.js';
export { layersModule } from './layersModule.js';
export { loadWeightsJSON } from './loadWeightsJSON.js';
export { LossPlugin, LossRegistry, type Loss } from './Loss.js';
export { MomentumOptimiser, type MomentumOptions } from './MomentumOptimiser.js';
export { OptimiserPlugin, OptimiserRegistry, type Optimiser, type ParameterUpdater } from './Optimiser.js';
export type { Parameter } from './Parameter.js';
export { resolveActivation } from './resolveActivation.js';
export { RmspropOptimiser, type RmspropOptions } from './RmspropOptimiser.js';
export { SgdOptimiser } from './SgdOptimiser.js';
export { SyntheticGradientGenerator, type SyntheticGradientGeneratorOptions } from './SyntheticGradientGenerator.js';
export { toNpy } from './toNpy.js';
export { weightsToJSON } from './weightsToJSON.js';
export type { WeightsJSON, WeightsJSONValue } from './WeightsJSON.js';
export { parseScalarFormula, type ScalarFormulaRejection } from './parseScalarFormula.js';
export { ScalarFormulaLimits } from './ScalarFormulaLimits.js';
export { scalarConstants, scalarFunctions, scalarOperators } from './scalarFunctions.js';
export { quoteFormula } from './quoteFormula.js';
export { ActivationModule } from './ActivationModule.js';
export { addProductToGradient } from './addProductToGradient.js';
export { BatchNormModule, type BatchNormModuleOptions } from './BatchNormModule.js';
export { DenseModule, type DenseModuleOptions, type DensePullbackNeed } from './DenseModule.js';
export { featureSize, type FeatureShape } from './FeatureShape.js';
export { LossModule, type LossResult } from './LossModule.js';
export type { ForwardResult, Module, PullbackNeed } from './Module.js';
export { ParameterOptimiser } from './ParameterOptimiser.js';
export { Sequential } from './Sequential.js';
export { StepContext } from './StepContext.js';
export { TrainableParameter } from './TrainableParameter.js';
export { Workspace } from './Workspace.js';
export { zeroGrad } from './zeroGrad.js';
export { builtinLayerKinds } from './builtinLayerKinds.js';
export { denseLayerKind } from './denseLayerKind.js';
export { dropoutLayerKind } from './dropoutLayerKind.js';
export { Dropout, type DropoutOptions } from './Dropout.js';
export {
  LayerPlugin,
  LayerRegistry,
  type LayerEnvironment,
  type LayerTensorShapes,
  type MatrixShape,
} from './LayerPlugin.js';
export { NormalizedBlock } from './NormalizedBlock.js';
export { resolveLayers, type ResolvedLayer } from './resolveLayers.js';
