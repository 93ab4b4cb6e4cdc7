import * as vega from 'vega';
import * as vegaLite from 'vega-lite';
import type { TopLevelSpec } from 'vega-lite';
import { estimateTextWidth } from './estimateTextWidth.js';

/** vega's text measurer (exported by vega-scenegraph, missing from vega's typings). */
interface TextMetrics {
  width: (item: { fontSize?: number; fontWeight?: string | number; limit?: number }, text: unknown) => number;
}

/**
 * Renders a vega-lite spec to a standalone SVG string in Node: headless, no canvas, no network.
 *
 * @example
 * ```ts
 * const svg = await renderChartSvg({ data: { values: [{ x: 1 }] }, mark: 'point', encoding: { x: { field: 'x' } } });
 * ```
 */
export async function renderChartSvg(spec: TopLevelSpec): Promise<string> {
  // Without a canvas vega guesses 0.8 em per character; a closer estimate keeps legends tight.
  (vega as unknown as { textMetrics: TextMetrics }).textMetrics.width = (item, text) => {
    const width = estimateTextWidth(text == null ? '' : String(text).trim(), item.fontSize ?? 11, isBold(item.fontWeight));
    return item.limit !== undefined && item.limit > 0 ? Math.min(width, item.limit) : width;
  };
  const view = new vega.View(vega.parse(vegaLite.compile(spec).spec), { renderer: 'none' });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}

function isBold(weight: string | number | undefined): boolean {
  return weight === 'bold' || Number(weight) >= 600;
}
