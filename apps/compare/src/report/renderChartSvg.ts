import * as vega from 'vega';
import * as vegaLite from 'vega-lite';
import type { TopLevelSpec } from 'vega-lite';

/**
 * Renders a vega-lite spec to a standalone SVG string in Node: headless, no canvas, no network.
 *
 * @example
 * ```ts
 * const svg = await renderChartSvg({ data: { values: [{ x: 1 }] }, mark: 'point', encoding: { x: { field: 'x' } } });
 * ```
 */
export async function renderChartSvg(spec: TopLevelSpec): Promise<string> {
  const view = new vega.View(vega.parse(vegaLite.compile(spec).spec), { renderer: 'none' });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}
