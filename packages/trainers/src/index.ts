export { BackpropTrainer } from './algorithms/BackpropTrainer.js';
export { BackpropTrainerPlugin } from './algorithms/BackpropTrainerPlugin.js';
export type { DecoupledLayer } from './algorithms/DecoupledLayer.js';
export type { DniOptions } from './algorithms/DniOptions.js';
export { DniTrainer } from './algorithms/DniTrainer.js';
export { DniTrainerPlugin } from './algorithms/DniTrainerPlugin.js';
export { DirectFeedbackAlignmentTrainer } from './algorithms/DirectFeedbackAlignmentTrainer.js';
export { DirectFeedbackAlignmentTrainerPlugin } from './algorithms/DirectFeedbackAlignmentTrainerPlugin.js';
export { FeedbackAlignmentTrainer } from './algorithms/FeedbackAlignmentTrainer.js';
export { FeedbackAlignmentTrainerPlugin } from './algorithms/FeedbackAlignmentTrainerPlugin.js';
export type { FeedbackOptions } from './algorithms/FeedbackOptions.js';
export { LastLayerOnlyTrainer } from './algorithms/LastLayerOnlyTrainer.js';
export { LastLayerOnlyTrainerPlugin } from './algorithms/LastLayerOnlyTrainerPlugin.js';
export { gradientAlignment } from './algorithms/gradientAlignment.js';
export { createTrainer, type CreateTrainerLimits, type TrainerOptions, type TrainerOptionsMap, type TrainerSpec } from './createTrainer.js';
export { bitAccuracies, classAccuracy, evaluate, type EvaluationMetrics } from './fit/evaluate.js';
export {
  fit,
  type BatchEndEvent,
  type EpochRecord,
  type FitOptions,
  type FitResult,
  type FitPosition,
  type FitStatus,
} from './fit/fit.js';
export { fitLoop, type FitPause } from './fit/fitLoop.js';
export { FitSession } from './fit/FitSession.js';
export type { FitBatch, FitStrategy, LossSink } from './fit/FitStrategy.js';
export { fitWith } from './fit/fitWith.js';
export { trainOnThisThread } from './fit/trainOnThisThread.js';
export { StopWhen, type EarlyStop, type EpochMetric, type StopCriterion } from './fit/StopCriterion.js';
export { buildNetwork } from './network/buildNetwork.js';
export { LayerRegistries } from './network/LayerRegistries.js';
export { DEFAULT_LEARNING_RATE, layerLearningRate } from './network/layerLearningRate.js';
export { Network } from './network/Network.js';
/** Moved to `@synthgrad/layers` (the `dense` layer kind builds it); re-exported here for existing imports. */
export { NormalizedBlock } from '@synthgrad/layers';
export { tutorialNetwork } from './network/tutorialNetwork.js';
export {
  compileSchedule,
  type LearningRateSchedule,
  type TrainingProgress,
} from './schedule/compileSchedule.js';
export { loadTrainerState } from './state/loadTrainerState.js';
export type { SavedTrainer, TrainerManifest } from './state/SavedTrainer.js';
export { saveTrainerState } from './state/saveTrainerState.js';
export { trainersModule } from './trainersModule.js';
export { DniStage, type DniStageResult } from './algorithms/DniStage.js';
export type { DniStageOptions } from './algorithms/DniStageOptions.js';
export { DniForwardPass } from './algorithms/DniForwardPass.js';
export { LockStepDniTrainer } from './algorithms/LockStepDniTrainer.js';
export { LockStepSchedule } from './algorithms/LockStepSchedule.js';
export { MixedSyntheticGradient } from './algorithms/MixedSyntheticGradient.js';
export { ShapedSyntheticGradient } from './algorithms/ShapedSyntheticGradient.js';
export { PLAIN_POLICY, type SyntheticGradientPolicy } from './algorithms/SyntheticGradientPolicy.js';
export { syntheticGradientPolicyFor } from './algorithms/syntheticGradientPolicyFor.js';
export type { SyntheticGradientUse } from './algorithms/SyntheticGradientUse.js';
export { splitStages, type LayerSize } from './algorithms/splitStages.js';
export { assertTrainerFits, DEFAULT_MEMORY_BUDGET, MAX_MATRIX_ELEMENTS } from './memory/assertTrainerFits.js';
export { estimateTrainerMemory, type LayerMemory, type TrainerMemoryEstimate } from './memory/estimateTrainerMemory.js';
export { formatBytes, MemoryBudgetError } from './memory/MemoryBudgetError.js';
export type { ModelDataset, ModelSpec } from './model/ModelSpec.js';
export { describeModel } from './model/describeModel.js';
export { readModelSpec } from './model/readModelSpec.js';
export { saveModelState } from './model/saveModelState.js';
export { exportOnnx, type ExportOnnxOptions } from './onnx/exportOnnx.js';
export { ProtoWriter } from './onnx/ProtoWriter.js';
export { TASK_DEFAULTS } from './network/taskDefaults.js';
