import { SynthgradError } from '@synthgrad/core';

/**
 * A trainer would not fit: one matrix is longer than a typed array can be, or the whole run is over
 * the memory budget. Thrown before anything is allocated; names the layer, its shape and the bytes.
 */
export class MemoryBudgetError extends SynthgradError {
  override name = 'MemoryBudgetError';
  constructor(
    /** Where in the spec: `network.layers[2]`, `generator of network.layers[0]`, or `trainer` for the total. */
    readonly layer: string,
    /** The matrix's rows × cols (the largest one of `layer`). */
    readonly shape: readonly [number, number],
    /** Bytes the layer (or the whole trainer) would take. */
    readonly bytes: number,
    /** The limit it exceeds (bytes, or elements for one matrix). */
    readonly limit: number,
    reason: string,
  ) {
    super(`${layer} (${shape[0]}×${shape[1]}) would need ${formatBytes(bytes)}: ${reason}`);
  }
}

/** `1.50 GiB (1610612736 bytes)`: readable and exact. */
export function formatBytes(bytes: number): string {
  const units = ['bytes', 'KiB', 'MiB', 'GiB', 'TiB', 'PiB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return unit === 0 ? `${bytes} bytes` : `${value.toFixed(2)} ${units[unit]} (${bytes} bytes)`;
}
