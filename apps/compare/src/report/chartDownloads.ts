import type { TopLevelSpec } from 'vega-lite';
import { toCsv } from '../output/toCsv.js';
import { escapeHtml } from './escapeHtml.js';
import { scopeSvgIds } from './scopeSvgIds.js';

/**
 * "Data: CSV · SVG" links that save a chart's numbers (the rows it was drawn from) and the chart
 * itself, as `data:` URIs: the page stays one self-contained file. Named after the metric.
 *
 * @example
 * ```ts
 * chartDownloads('test-loss', spec, svg); // '<p class="downloads">Download: <a download="test-loss.csv" href="data:text/csv;base64,…">CSV</a> · …'
 * ```
 */
export function chartDownloads(metric: string, spec: TopLevelSpec, drawn: string): string {
  // Scoped as the page's copy is: vega numbers ids with a process-wide counter, and a page must be the same on every render.
  const svg = scopeSvgIds(drawn, `chart-${metric}`);
  const rows = ((spec as { data?: { values?: unknown } }).data?.values ?? []) as readonly Record<string, unknown>[];
  const header = [...new Set(rows.flatMap((row) => Object.keys(row)))];
  const csv = toCsv(
    header,
    rows.map((row) => header.map((key) => cell(row[key]))),
  );
  const link = (type: string, extension: string, text: string, content: string) =>
    `<a download="${escapeHtml(metric)}.${extension}" href="data:${type};base64,${Buffer.from(content, 'utf8').toString('base64')}">${text}</a>`;
  const links = [
    ...(rows.length > 0 ? [link('text/csv', 'csv', 'data (CSV)', csv)] : []),
    link('image/svg+xml', 'svg', 'chart (SVG)', svg.startsWith('<?xml') ? svg : `<?xml version="1.0" encoding="utf-8"?>\n${svg}`),
  ];
  return `<p class="downloads">Download: ${links.join(' · ')}</p>`;
}

function cell(value: unknown): string | number | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'number' || typeof value === 'string') return value;
  return String(value);
}
