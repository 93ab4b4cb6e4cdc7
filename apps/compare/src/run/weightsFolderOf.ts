import { join } from 'node:path';
import type { RunSpec } from './RunSpec.js';

/**
 * Where a run's final weights go: `<folder>/<configuration>/seed-<n>`, the configuration's label
 * made safe as one folder name (characters outside letters, digits, `.`, `_`, `-` become `_`).
 *
 * @example
 * ```ts
 * weightsFolderOf('results/seed/2026-12-02T18-00-00Z/weights', { label: 'dni labels', seed: 2 });
 * // → 'results/seed/2026-12-02T18-00-00Z/weights/dni_labels/seed-2'
 * ```
 */
export function weightsFolderOf(folder: string, spec: Pick<RunSpec, 'label' | 'seed'>): string {
  const name = spec.label.replace(/[^A-Za-z0-9._-]/g, '_').replace(/^\.+/, '_') || '_';
  return join(folder, name, `seed-${spec.seed}`);
}
