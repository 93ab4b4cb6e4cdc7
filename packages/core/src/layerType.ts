import { ConfigError } from './errors.js';
import type { LayerSpec } from './NetworkSpec.js';
import { describeValue } from './readOptions.js';

/** The kind of a layer spec without `type` (every spec written before layer kinds). */
export const DEFAULT_LAYER_TYPE = 'dense';

/**
 * A layer spec's kind and its options (the spec without `type`), as a `LayerPlugin` reads them.
 * A `type` that is not a non-empty string is a `ConfigError` at `path.type`.
 *
 * @example
 * ```ts
 * layerType({ units: 8 });                  // { type: 'dense', options: { units: 8 } }
 * layerType({ type: 'dropout', rate: 0.5 }); // { type: 'dropout', options: { rate: 0.5 } }
 * ```
 */
export function layerType(spec: LayerSpec, path = 'layer'): { readonly type: string; readonly options: Record<string, unknown> } {
  if (typeof spec !== 'object' || spec === null || Array.isArray(spec)) {
    throw new ConfigError(path, `expected a layer spec (an object), got ${describeValue(spec)}`);
  }
  const { type, ...options } = spec as unknown as Readonly<Record<string, unknown>>;
  if (type === undefined) return { type: DEFAULT_LAYER_TYPE, options };
  if (typeof type !== 'string' || type === '') {
    throw new ConfigError(`${path}.type`, `expected the name of a layer kind (a string), got ${describeValue(type)}`);
  }
  return { type, options };
}
