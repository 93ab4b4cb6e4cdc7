import type { LockStepDniTrainer } from '@synthgrad/trainers';
import type { PipelineState } from './StagePipeline.js';

/**
 * Writes a whole network's tensors and random streams into `trainer` (built from the same spec),
 * checking every name: the drained stages' into the trainer on the main thread, a resumed run's
 * into each stage thread's before it runs.
 */
export function loadPipelineState(trainer: LockStepDniTrainer, state: PipelineState): void {
  const { tensors, rngs } = trainer.state();
  for (const [name, live] of Object.entries(tensors)) {
    const given = state.tensors[name];
    if (given === undefined || given.length !== live.data.length) {
      throw new Error(`no stage state holds "${name}" of ${live.shape}; it has: ${Object.keys(state.tensors).join(', ')}`);
    }
    live.data.set(given);
  }
  for (const [name, rng] of Object.entries(rngs)) if (state.rngs[name]) rng.restoreState(state.rngs[name]);
}
