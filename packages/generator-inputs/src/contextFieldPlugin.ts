import type { GeneratorInput, GeneratorInputPlugin } from '@synthgrad/core';
import { assertContextWidth, type ContextMatrixField, type LayerWidth } from './assertContextWidth.js';
import { layerWidth } from './layerWidth.js';
import { readOptions } from '@synthgrad/core';

/** What distinguishes the inputs that pass one context matrix through unchanged. */
export interface ContextFieldPluginSpec {
  readonly name: string;
  readonly description: string;
  readonly field: ContextMatrixField;
  readonly width: LayerWidth;
}

/**
 * A plugin whose features are one context matrix itself, returned without a copy: the caller must not
 * mutate it. Shared by `layer-output`, `labels` and `inputs`.
 */
export function contextFieldPlugin(spec: ContextFieldPluginSpec): GeneratorInputPlugin<undefined> {
  const { name, description, field, width } = spec;
  return {
    name,
    description,
    create(shape, options): GeneratorInput {
      readOptions(name, options, []);
      const size = layerWidth(name, shape, width);
      return {
        size,
        features: (context) => assertContextWidth(name, context, field, shape, width),
      };
    },
  };
}
