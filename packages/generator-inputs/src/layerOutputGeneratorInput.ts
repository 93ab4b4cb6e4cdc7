import { contextFieldPlugin } from './contextFieldPlugin.js';

/**
 * `layer-output`: the generator looks at the layer's output `h_i` (the paper's and the tutorial's DNI).
 * Size `outputSize`. `features` returns `context.layerOutput` itself, not a copy: callers must not mutate it.
 *
 * @example
 * ```ts
 * const input = createGeneratorInput(registry, 'layer-output', shape, backend);
 * input.features(context) === context.layerOutput; // true
 * ```
 */
export const layerOutputGeneratorInput = contextFieldPlugin({
  name: 'layer-output',
  description: "the layer's output h_i (DNI)",
  field: 'layerOutput',
  width: 'outputSize',
});
