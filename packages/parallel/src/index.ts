export { fitStages, type StagedFitOptions, type StagedFitResult, type StagedFitStatus } from './fitStages.js';
export { MAIN, PipelineControl } from './PipelineControl.js';
export { SCHEDULES, type Schedule } from './Schedule.js';
export { SlotField, SlotKind, SlotQueue, type SlotLayout } from './SlotQueue.js';
export { StageFault } from './StageFault.js';
export { liveStageThreads, StagePipeline, type PipelineState, type StagePipelineOptions } from './StagePipeline.js';
export type { StageFaultInjection } from './StageWorkerData.js';
export { ThreadedStages } from './ThreadedStages.js';
