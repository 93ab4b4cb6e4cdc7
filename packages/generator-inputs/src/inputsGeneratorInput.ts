import { contextFieldPlugin } from './contextFieldPlugin.js';

/**
 * `inputs`: the generator looks at the network's input `x` of the batch.
 * Size `dataInputSize`. `features` returns `context.inputs` itself, not a copy: callers must not mutate it.
 *
 * @example
 * ```ts
 * const input = createGeneratorInput(registry, 'inputs', shape, backend);
 * input.size === shape.dataInputSize; // true
 * ```
 */
export const inputsGeneratorInput = contextFieldPlugin({
  name: 'inputs',
  description: "the network's input x of the batch",
  field: 'inputs',
  width: 'dataInputSize',
});
