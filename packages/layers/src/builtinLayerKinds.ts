import { denseLayerKind } from './denseLayerKind.js';
import { dropoutLayerKind } from './dropoutLayerKind.js';
import type { LayerPlugin } from './LayerPlugin.js';

/**
 * The layer kinds `layersModule` binds: `dense` (a spec without `type` is one) and `dropout`.
 *
 * @example
 * ```ts
 * const kinds = new PluginRegistry('layer kind', builtinLayerKinds); // without a container
 * kinds.get('dropout').describe({ rate: 0.5 }); // 'dropout 0.5'
 * ```
 */
export const builtinLayerKinds: readonly LayerPlugin[] = [denseLayerKind, dropoutLayerKind];
