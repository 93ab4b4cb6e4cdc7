import { Rng, type TensorBackend } from '@synthgrad/tensor';
import { measure, type MeasureOptions, type Timing } from './measure.js';
import { createMnistMlp, MNIST_MLP, mnistMlpStep } from './mnistMlp.js';

/** Training steps per timed sample. */
export const MNIST_STEPS_PER_SAMPLE = 10;

/**
 * Seconds per 10,000 examples of the MNIST-shaped MLP on `backend` (median and spread), its
 * matrices from the backend's `zeros` (resident on wasm).
 */
export function benchMnistMlp(backend: TensorBackend, seed: number, options: MeasureOptions): Timing {
  const net = createMnistMlp(new Rng(seed), undefined, backend);
  let step = 0;
  const timing = measure(() => {
    for (let s = 0; s < MNIST_STEPS_PER_SAMPLE; s++) mnistMlpStep(backend, net, step++);
  }, options);
  const perStepToSeconds = (ms: number): number => (ms / 1000 / MNIST_STEPS_PER_SAMPLE) * (MNIST_MLP.examples / MNIST_MLP.batch);
  return {
    ...timing,
    median: perStepToSeconds(timing.median),
    min: perStepToSeconds(timing.min),
    max: perStepToSeconds(timing.max),
    q1: perStepToSeconds(timing.q1),
    q3: perStepToSeconds(timing.q3),
  };
}
