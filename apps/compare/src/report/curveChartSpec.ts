import type { TopLevelSpec } from 'vega-lite';
import type { YScale } from './chooseYScale.js';
import { percentAxisFormat } from './percentAxisFormat.js';
import { estimateTextWidth } from './estimateTextWidth.js';
import type { CurvePoint } from './learningCurve.js';
import { extremes } from './extremes.js';

/** One line of a curve chart: a configuration's mean over seeds, in one panel. */
export interface CurveSeries {
  readonly label: string;
  /** The panel it is drawn in, for charts faceted by layer. */
  readonly panel?: string;
  readonly points: readonly CurvePoint[];
}

export interface CurveChart {
  readonly title: string;
  readonly yTitle: string;
  /** Percent axis for accuracies. */
  readonly yFormat: 'percent' | 'number';
  /** Log scale or cut-off outliers (see `chooseYScale`); linear, not from zero, by default. */
  readonly yScale?: YScale;
  readonly series: readonly CurveSeries[];
  /** Colour of each configuration; also fixes the legend's order. */
  readonly colours: ReadonlyMap<string, string>;
  /** Dash pattern of each configuration's line (see `chartStyles`); solid lines when absent. */
  readonly dashes?: ReadonlyMap<string, readonly number[]>;
  /** A dashed horizontal reference line (the epochs-to-threshold level). */
  readonly rule?: { readonly value: number; readonly label: string };
  /** Panels' order, for faceted charts. */
  readonly panels?: readonly string[];
  /** Plot width in px of an unfaceted chart (default 520). */
  readonly width?: number;
  /** Another x axis than epochs: the points' `epoch` then holds that quantity (e.g. seconds). */
  readonly x?: { readonly title: string };
}

const FONT = 'system-ui, -apple-system, "Segoe UI", Roboto, "DejaVu Sans", Arial, sans-serif';
const WIDTH = 520;
const HEIGHT = 260;
/** Ticks asked of a percent axis (vega's default for this height is about 7). */
const Y_TICKS = 6;
const PANEL_HEIGHT = 220;
const PANEL_GAP = 20;
/** A legend entry's symbol, gaps and column padding, besides its label. */
const LEGEND_ENTRY_PX = 46;
const LEGEND_FONT_PX = 12;
/** Plain numbers with trailing zeros trimmed: d3's `~g` would write 10 as "1e+1". */
const AXIS_NUMBER = ',~r';

/**
 * A vega-lite chart of mean curves over seeds with a min–max band: one line and one band per
 * configuration, epochs on x; faceted into panels (3 a row) when the series name one. Where a
 * point's mean holds a stopped seed's carried-forward value (`carried` > 0) the line goes on faded.
 *
 * @example
 * ```ts
 * const spec = curveChartSpec({ title: 'Test loss', yTitle: 'loss', yFormat: 'number', series, colours });
 * const svg = await renderChartSvg(spec);
 * ```
 */
export function curveChartSpec(chart: CurveChart): TopLevelSpec {
  const rows = chart.series.flatMap((s) => {
    // The faded tail starts at the last point with no carried value, so it joins the solid line.
    const joint = extremes(s.points.filter((p) => !p.carried).map((p) => p.epoch)).max;
    return s.points.map((p) => ({
      configuration: s.label,
      panel: s.panel ?? '',
      epoch: p.epoch,
      mean: p.mean,
      min: p.min,
      max: p.max,
      n: p.n,
      ...(p.carried === undefined ? {} : { carried: p.carried, tail: p.epoch >= joint }),
    }));
  });
  const anyCarried = rows.some((r) => (r.carried ?? 0) > 0);
  const drawn = new Set(chart.series.map((s) => s.label));
  const domain = [...chart.colours.keys()].filter((label) => drawn.has(label));
  const dashed = domain.some((label) => (chart.dashes?.get(label)?.length ?? 0) > 0);
  const panelCount = chart.panels?.length ?? 0;
  const panelColumns = Math.min(panelCount, 3);
  const panelWidth = panelCount <= 2 ? 420 : 300;
  const plotWidth = panelCount > 0 ? panelColumns * panelWidth + (panelColumns - 1) * PANEL_GAP : (chart.width ?? WIDTH);
  const legend = legendLayout(domain, plotWidth);
  const { log, max } = chart.yScale ?? { log: false };
  const clip = max !== undefined;
  const lastEpoch = Math.max(1, extremes(rows.map((r) => r.epoch)).max);
  const x = chart.x
    ? ({ field: 'epoch', type: 'quantitative', title: chart.x.title, scale: { domain: [0, lastEpoch], nice: true }, axis: { format: AXIS_NUMBER } } as const)
    : ({
        field: 'epoch',
        type: 'quantitative',
        title: 'Epoch',
        scale: { domain: [1, Math.max(2, lastEpoch)], nice: false },
        axis: { format: 'd', tickMinStep: 1 },
      } as const);
  const yScale = {
    ...(log ? { type: 'log', nice: false } : { zero: false }),
    ...(clip ? { domainMax: max, nice: false } : {}),
    ...(chart.yFormat === 'percent'
      ? flatPercentDomain([...rows, ...(chart.rule ? [{ min: chart.rule.value, max: chart.rule.value }] : [])])
      : {}),
  };
  const low = extremes(rows.map((r) => r.min)).min;
  const high = extremes(rows.map((r) => r.max)).max;
  const percentDomain = yScale.domain ?? [low, high];
  const yAxis = {
    format: chart.yFormat === 'percent' ? percentAxisFormat(percentDomain[0], percentDomain[1], Y_TICKS) : AXIS_NUMBER,
    ...(chart.yFormat === 'percent' && !log ? { tickCount: Y_TICKS } : {}),
    ...(log ? { values: logTicks(low, max ?? high) } : {}),
  };
  const yTitle = log ? `${chart.yTitle} (log scale)` : chart.yTitle;
  const color = {
    field: 'configuration',
    type: 'nominal',
    scale: { domain, range: domain.map((label) => chart.colours.get(label)!) },
    legend: {
      title: null,
      orient: 'bottom',
      direction: 'horizontal',
      columns: legend.columns,
      labelLimit: legend.labelLimit,
      symbolType: 'stroke',
      symbolStrokeWidth: 3,
      symbolOpacity: 1,
      symbolSize: 260,
      columnPadding: 18,
    },
  } as const;
  const strokeDash = dashed
    ? { strokeDash: { field: 'configuration', type: 'nominal', scale: { domain, range: domain.map((label) => [...(chart.dashes?.get(label) ?? [])]) }, legend: color.legend } }
    : {};
  const layer = [
    {
      mark: { type: 'area', fillOpacity: 0.16, clip },
      encoding: {
        x,
        y: { field: 'min', type: 'quantitative', title: yTitle, scale: yScale, axis: yAxis },
        y2: { field: 'max' },
        color,
      },
    },
    {
      ...(anyCarried ? { transform: [{ filter: '!(datum.carried > 0)' }] } : {}),
      mark: { type: 'line', strokeWidth: 2.2, clip },
      encoding: { x, y: { field: 'mean', type: 'quantitative', title: yTitle, scale: yScale, axis: yAxis }, color, ...strokeDash },
    },
    ...(chart.rule
      ? [
          {
            data: { values: [{ value: chart.rule.value, label: chart.rule.label }] },
            layer: [
              { mark: { type: 'rule', strokeDash: [5, 4], color: '#6b7280', strokeWidth: 1.2 }, encoding: { y: { field: 'value', type: 'quantitative' } } },
              {
                mark: { type: 'text', align: 'left', baseline: 'bottom', dx: 6, dy: -3, color: '#4b5563', fontSize: 11 },
                encoding: { y: { field: 'value', type: 'quantitative' }, x: { datum: 1, type: 'quantitative' }, text: { field: 'label' } },
              },
            ],
          },
        ]
      : []),
    ...(anyCarried
      ? [
          {
            transform: [{ filter: 'datum.tail' }],
            mark: { type: 'line', strokeWidth: 2.2, opacity: 0.4, clip },
            encoding: { x, y: { field: 'mean', type: 'quantitative', title: yTitle, scale: yScale, axis: yAxis }, color, ...strokeDash },
          },
        ]
      : []),
  ];
  const top = {
    title: { text: chart.title, anchor: 'start', fontSize: 15, fontWeight: 600, offset: 14, color: '#111827' },
    background: '#ffffff',
    padding: { left: 8, right: 16, top: 10, bottom: 8 },
    config: {
      font: FONT,
      view: { stroke: null },
      axis: {
        labelFontSize: 11,
        titleFontSize: 12,
        titleFontWeight: 600,
        titleColor: '#374151',
        labelColor: '#4b5563',
        gridColor: '#e5e7eb',
        domainColor: '#9ca3af',
        tickColor: '#9ca3af',
        titlePadding: 10,
      },
      legend: { labelFontSize: LEGEND_FONT_PX, labelColor: '#1f2937' },
      header: { labelFontSize: 12, labelFontWeight: 600, labelColor: '#374151', title: null },
    },
    data: { values: rows },
  };
  if (chart.panels && chart.panels.length > 0) {
    return {
      ...top,
      facet: { field: 'panel', type: 'ordinal', sort: [...chart.panels], title: null },
      columns: panelColumns,
      spacing: PANEL_GAP,
      spec: { width: panelWidth, height: PANEL_HEIGHT, layer },
      resolve: { scale: { y: 'shared' } },
    } as TopLevelSpec;
  }
  return { ...top, width: plotWidth, height: HEIGHT, layer } as TopLevelSpec;
}

/** A visible band around accuracies that never move (all 0% for a few epochs, say): vega would collapse the axis. */
function flatPercentDomain(rows: readonly { min: number; max: number }[]): { domain?: [number, number] } {
  if (rows.length === 0) return {};
  const low = extremes(rows.map((r) => r.min)).min;
  const high = extremes(rows.map((r) => r.max)).max;
  return high - low >= 0.01 ? {} : { domain: [Math.max(0, low - 0.05), Math.min(1, high + 0.05)] };
}

/**
 * Legend columns that fit under the plot: up to 3, fewer for long labels (4 entries as 2 × 2),
 * and the label width each column leaves, so the legend never widens (and so shrinks) the chart.
 */
function legendLayout(labels: readonly string[], plotWidth: number): { columns: number; labelLimit: number } {
  const longest = Math.max(0, extremes(labels.map((label) => estimateTextWidth(label, LEGEND_FONT_PX))).max) + LEGEND_ENTRY_PX;
  let columns = Math.max(1, Math.min(3, labels.length, Math.floor(plotWidth / longest)));
  if (labels.length === 4 && columns === 3) columns = 2;
  return { columns, labelLimit: Math.floor(plotWidth / columns) - LEGEND_ENTRY_PX };
}

/** Ticks of a log axis: 1-2-5 steps per decade, or whole decades when that would be more than 8. */
function logTicks(low: number, high: number): number[] {
  const ticks = (steps: readonly number[]) => {
    const values: number[] = [];
    for (let decade = Math.floor(Math.log10(low)); decade <= Math.ceil(Math.log10(high)); decade++) {
      for (const step of steps) {
        const value = Number((step * 10 ** decade).toPrecision(1));
        if (value >= low && value <= high) values.push(value);
      }
    }
    return values;
  };
  const fine = ticks([1, 2, 5]);
  return fine.length <= 8 ? fine : ticks([1]);
}
