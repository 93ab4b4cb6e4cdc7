import { ConfigError, layerType, UnknownPluginError, type LayerRegistry, type LayerSpec } from 'synthgrad';

/** Where a layer kind's messages say they are, stripped off again for the problem's own path. */
const LAYER = 'layer';

/** What is wrong with a layer spec: at one of its keys (`type`, an option), or at the layer itself. */
export interface LayerSpecProblem {
  readonly key?: string;
  readonly message: string;
}

/**
 * Checks one layer spec with its kind from `kinds` (`LayerPlugin.readOptions`): undefined when the
 * kind takes it; else the key it is about and the kind's message. A kind `kinds` does not know is
 * a problem at `type` listing the known kinds, unless `unknownKinds` is `'accept'` (a plugin's kind,
 * checked later against the container).
 *
 * @example
 * ```ts
 * layerSpecProblem({ type: 'dropout', rate: 2 }, kinds); // { key: 'rate', message: 'expected a probability in [0, 1), got 2' }
 * ```
 */
export function layerSpecProblem(
  spec: LayerSpec,
  kinds: Pick<LayerRegistry, 'has' | 'get' | 'names'>,
  unknownKinds: 'accept' | 'refuse' = 'refuse',
): LayerSpecProblem | undefined {
  try {
    const { type, options } = layerType(spec, LAYER);
    if (!kinds.has(type)) {
      return unknownKinds === 'accept' ? undefined : { key: 'type', message: new UnknownPluginError('layer kind', type, kinds.names()).message };
    }
    kinds.get(type).readOptions(options, LAYER);
    return undefined;
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    const key = error.path.startsWith(`${LAYER}.`) ? error.path.slice(LAYER.length + 1) : undefined;
    return { ...(key === undefined ? {} : { key }), message: error.message.slice(error.path.length + 2) };
  }
}
