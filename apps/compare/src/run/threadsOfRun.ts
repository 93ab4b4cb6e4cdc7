import type { RunSpec } from './RunSpec.js';

/**
 * Threads a run trains on: a `dni` run with `stages` (K > 1) runs each stage on a thread of its
 * own (`@synthgrad/parallel`), so the worker pool counts it as K slots; every other run is one.
 */
export function threadsOfRun(spec: Pick<RunSpec, 'trainer' | 'options'>): number {
  if (spec.trainer !== 'dni') return 1;
  const stages = (spec.options as { stages?: unknown }).stages;
  if (Array.isArray(stages)) return Math.max(1, stages.length);
  return typeof stages === 'number' && Number.isInteger(stages) && stages > 1 ? stages : 1;
}
