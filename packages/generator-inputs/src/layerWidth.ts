import { ConfigError, type LayerShape } from '@synthgrad/core';
import type { LayerWidth } from './assertContextWidth.js';

/** `shape[width]`, or a `ConfigError` naming the plugin when it is not a positive integer. */
export function layerWidth(plugin: string, shape: LayerShape, width: LayerWidth): number {
  const size = shape[width];
  if (!Number.isInteger(size) || size < 1) {
    throw new ConfigError(plugin, `needs a positive integer ${width}, the layer shape has ${width} = ${size}`);
  }
  return size;
}
