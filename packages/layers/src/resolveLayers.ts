import { ConfigError, layerType, UnknownPluginError, type LayerSpec } from '@synthgrad/core';
import type { FeatureShape } from './FeatureShape.js';
import type { LayerPlugin, LayerRegistry } from './LayerPlugin.js';

/** One layer spec read through its kind: the plugin, its checked options, and its shapes. */
export interface ResolvedLayer {
  /** `network.layers[i]`: where the spec is, for messages. */
  readonly path: string;
  readonly plugin: LayerPlugin;
  /** What {@link LayerPlugin.readOptions} returned. */
  readonly options: unknown;
  readonly inputShape: FeatureShape;
  readonly outputShape: FeatureShape;
}

/**
 * Reads every layer spec through its kind in `registry`, in order, each input shape the output
 * shape of the one before (the first: `inputShape`, the data's). An unknown `type` is a
 * `ConfigError` at `<path>[i].type` listing the known kinds; a bad option one at `<path>[i].<key>`.
 *
 * @example
 * ```ts
 * const layers = resolveLayers([{ units: 8 }, { type: 'dropout', rate: 0.5 }], [24], registry);
 * layers[1].outputShape;                           // [8]
 * layers[1].plugin.describe(layers[1].options);    // 'dropout 0.5'
 * ```
 */
export function resolveLayers(
  specs: readonly LayerSpec[],
  inputShape: FeatureShape,
  registry: Pick<LayerRegistry, 'get'>,
  path = 'network.layers',
): ResolvedLayer[] {
  let shape = inputShape;
  return specs.map((spec, i) => {
    const at = `${path}[${i}]`;
    const { type, options: raw } = layerType(spec, at);
    let plugin: LayerPlugin;
    try {
      plugin = registry.get(type);
    } catch (error) {
      if (error instanceof UnknownPluginError) throw new ConfigError(`${at}.type`, error.message);
      throw error;
    }
    const options = plugin.readOptions(raw, at);
    const resolved = { path: at, plugin, options, inputShape: shape, outputShape: plugin.outputShape(shape, options) };
    shape = resolved.outputShape;
    return resolved;
  });
}
