import { builtinLayerKinds, layerType, PluginRegistry, type LayerRegistry, type LayerSpec } from 'synthgrad';

const BUILT_IN_LAYER_KINDS = new PluginRegistry('layer kind', builtinLayerKinds);

/**
 * A layer in a few words, as its kind describes it (`LayerPlugin.describe`); a kind `layerKinds`
 * does not know (a plugin's, in a report made without it) as its type and options.
 *
 * @example
 * ```ts
 * describeLayer({ units: 32, activation: 'relu', batchNorm: true }); // '32 relu + batch norm'
 * describeLayer({ type: 'dropout', rate: 0.5 });                     // 'dropout 0.5'
 * describeLayer({ type: 'scale', factor: 2 } as never);             // 'scale {"factor":2}'
 * ```
 */
export function describeLayer(spec: LayerSpec, layerKinds: Pick<LayerRegistry, 'has' | 'get'> = BUILT_IN_LAYER_KINDS): string {
  const { type, options } = layerType(spec);
  if (layerKinds.has(type)) {
    const plugin = layerKinds.get(type);
    try {
      return plugin.describe(plugin.readOptions(options, 'layer'));
    } catch {
      // Options the kind refuses: described as written.
    }
  }
  return Object.keys(options).length ? `${type} ${JSON.stringify(options)}` : type;
}
