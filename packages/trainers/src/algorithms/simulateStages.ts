import { ConfigError } from '@synthgrad/core';
import type { Rng, TensorBackend } from '@synthgrad/tensor';
import type { LearningRateSchedule } from '../schedule/compileSchedule.js';
import { DniStage } from './DniStage.js';
import type { DniStageOptions } from './DniStageOptions.js';
import type { DniTrainer } from './DniTrainer.js';
import { LockStepDniTrainer } from './LockStepDniTrainer.js';
import { LockStepSchedule } from './LockStepSchedule.js';
import { splitStages } from './splitStages.js';
import { syntheticGradientPolicyFor } from './syntheticGradientPolicyFor.js';

/**
 * The network of `trainer` cut into `options.stages` and run on the simulated lock-step schedule.
 * Stage 0 draws its random update schedule from `rng` (so one stage is `dni` exactly); the others
 * from forks of it. Every stage uses ĝ as the trainer does (plain or shaped), with buffers of its own.
 */
export function simulateStages(
  backend: TensorBackend,
  trainer: DniTrainer,
  options: DniStageOptions,
  schedules: { readonly layers: LearningRateSchedule; readonly generators: LearningRateSchedule },
  updateProbability: number,
  rng: Rng,
): LockStepDniTrainer {
  const schedule = options.schedule ?? 'lock-step';
  if (schedule !== 'lock-step') {
    throw new ConfigError(
      'dni.schedule',
      `expected "lock-step" on one thread, got ${JSON.stringify(schedule)} ("async" stages run on worker threads: @synthgrad/parallel)`,
    );
  }
  const decoupled = trainer.decoupled;
  const split = splitStages(
    decoupled.map(({ layer }) => layer),
    options.stages!,
  );
  const rngs = split.map((_, k) => (k === 0 ? rng : rng.fork()));
  const { keep } = new LockStepSchedule(split.length);
  let start = 0;
  const stages = split.map((size, k) => {
    const layers = decoupled.slice(start, (start += size));
    const holdsLast = k === split.length - 1;
    return new DniStage(layers, holdsLast ? trainer.network.loss : null, updateProbability, rngs[k], keep, syntheticGradientPolicyFor(backend, trainer.use));
  });
  return new LockStepDniTrainer(trainer.network, trainer, stages, schedules);
}
