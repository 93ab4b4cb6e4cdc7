import { layerType, type GradientAlignment } from 'synthgrad';
import type { RunRecord } from '../RunRecord.js';
import type { CurveSeries } from './curveChartSpec.js';
import { learningCurve } from './learningCurve.js';
import { describeLayer } from './describeLayer.js';

/** Per-layer curves of one alignment measure, with their panels in layer order. */
export interface AlignmentSeries {
  readonly series: CurveSeries[];
  readonly panels: string[];
}

/**
 * The synthetic-vs-true gradient measure `field` (from `history[].gradientAlignment`) as one curve
 * per configuration and layer, the mean over seeds; a panel per measured layer, named
 * "Layer 1 · 128 units" (layers counted from 1, the input side). Configurations that never
 * measured it are left out, so no series at all means nothing to draw.
 *
 * @example
 * ```ts
 * const { series, panels } = alignmentSeries(groupByConfiguration(records, suite), 'cosine');
 * panels; // ["Layer 1 · 128 units", "Layer 2 · 64 units"]
 * ```
 */
export function alignmentSeries(
  groups: ReadonlyMap<string, readonly RunRecord[]>,
  field: keyof Omit<GradientAlignment, 'layer'>,
): AlignmentSeries {
  const series: CurveSeries[] = [];
  const panelOf = new Map<number, string>();
  for (const [label, runs] of groups) {
    const layers = new Set(runs.flatMap((run) => run.history.flatMap((e) => (e.gradientAlignment ?? []).map((a) => a.layer))));
    for (const layer of [...layers].sort((a, b) => a - b)) {
      const points = learningCurve(runs, (e) => e.gradientAlignment?.find((a) => a.layer === layer)?.[field]);
      if (points.length === 0) continue;
      const spec = runs[0].network.layers[layer];
      const detail = spec === undefined ? undefined : 'units' in spec && layerType(spec).type === 'dense' ? `${spec.units} units` : describeLayer(spec);
      const panel = panelOf.get(layer) ?? `Layer ${layer + 1}${detail === undefined ? '' : ` · ${detail}`}`;
      panelOf.set(layer, panel);
      series.push({ label, panel, points });
    }
  }
  const panels = [...panelOf.entries()].sort(([a], [b]) => a - b).map(([, panel]) => panel);
  return { series, panels };
}
