import { contextFieldPlugin } from './contextFieldPlugin.js';

/**
 * `labels`: the generator looks at the batch's labels `y` (the tutorial's cDNI, conditioned on the labels).
 * Size `labelSize`. `features` returns `context.labels` itself, not a copy: callers must not mutate it.
 *
 * @example
 * ```ts
 * const input = createGeneratorInput(registry, 'labels', shape, backend);
 * input.size === shape.labelSize; // true
 * ```
 */
export const labelsGeneratorInput = contextFieldPlugin({
  name: 'labels',
  description: 'the labels y of the batch (cDNI)',
  field: 'labels',
  width: 'labelSize',
});
