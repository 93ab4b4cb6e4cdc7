import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';

/** One run's part of a chart: its name and colour (the legend's), and the names of its series. */
export interface ChartRun {
  readonly name: string;
  readonly colour: string;
  readonly series: readonly string[];
}

/** What a chart shows: its title, what its y axis measures, and what its series mean (the caption). */
export interface ChartAxes {
  readonly title: string;
  /** The y axis's title (the x axis is always the step). */
  readonly y: string;
  /** A sentence under the chart: what its series are (`test: the held-out split`). */
  readonly note?: string;
}

/** Dash patterns telling a run's series apart (its colour tells the runs apart). */
const DASHES: readonly number[][] = [[], [6, 4], [2, 3], [10, 3, 2, 3], [1, 6]];

/** What the caption calls each of {@link DASHES}. */
const DASH_NAMES = ['solid', 'dashed', 'dotted', 'dash-dot', 'sparse dots'] as const;

/** The x axis of every chart. */
const STEP_AXIS = 'step (batches trained)';

/**
 * A streaming uPlot line chart of several runs against the step: each run has its own colour and
 * its own steps; `uPlot.join` aligns the runs' tables (gaps spanned). Redraws at most once a frame.
 */
export class RaceChart {
  private plot: uPlot | undefined;
  private readonly runs: (ChartRun & { table: (number | null)[][] })[] = [];
  private drawQueued = false;
  private readonly figure: HTMLElement;
  private readonly plotArea: HTMLElement;
  private readonly caption: HTMLElement;

  constructor(
    parent: HTMLElement,
    private readonly axes: ChartAxes,
  ) {
    this.figure = document.createElement('figure');
    this.figure.className = 'chart';
    this.figure.dataset.metric = axes.title;
    this.figure.setAttribute('aria-label', `${axes.title}: ${axes.y} against ${STEP_AXIS}`);
    this.plotArea = document.createElement('div');
    this.caption = document.createElement('figcaption');
    this.figure.append(this.plotArea, this.caption);
    parent.append(this.figure);
  }

  /** Sets (or replaces) run `index`: its earlier points are dropped. */
  setRun(index: number, run: ChartRun): void {
    this.runs[index] = { ...run, table: [[], ...run.series.map(() => [])] };
    this.rebuild();
  }

  /** Renames and recolours run `index`, keeping its points. */
  relabel(index: number, name: string, colour: string): void {
    const run = this.runs[index];
    if (!run) return;
    this.runs[index] = { ...run, name, colour };
    this.rebuild();
  }

  /** Drops every run. */
  clear(): void {
    this.runs.length = 0;
    this.rebuild();
  }

  removeRun(index: number): void {
    this.runs.splice(index, 1);
    this.rebuild();
  }

  /** Adds a point of run `index` at `step` (ignored unless the step moved on). */
  push(index: number, step: number, values: readonly (number | undefined)[]): void {
    const table = this.runs[index]?.table;
    if (!table || (table[0].length && step <= table[0].at(-1)!)) return;
    table[0].push(step);
    table.slice(1).forEach((column, i) => column.push(values[i] !== undefined && Number.isFinite(values[i]) ? values[i]! : null));
    if (!this.drawQueued) {
      this.drawQueued = true;
      requestAnimationFrame(() => {
        this.drawQueued = false;
        this.plot?.setData(this.data());
        // Off the plot, the legend shows each series' latest value (uPlot's own shows "--").
        this.plot?.setLegend({ idx: this.plot.cursor.idx ?? undefined });
      });
    }
  }

  /** Points of run `index` so far (the step column first). */
  points(index: number): number {
    return this.runs[index]?.table[0].length ?? 0;
  }

  private data(): uPlot.AlignedData {
    const tables = this.runs.filter(Boolean).map((run) => run.table as uPlot.AlignedData);
    return tables.length ? uPlot.join(tables) : [[]];
  }

  private rebuild(): void {
    this.plot?.destroy();
    const series: uPlot.Series[] = [{ label: 'step', value: (plot, step, _series, row) => formatValue(row == null ? lastStep(plot) : step) }];
    for (const run of this.runs.filter(Boolean)) {
      run.series.forEach((label, i) =>
        series.push({
          label: `${run.name}: ${label}`,
          stroke: run.colour,
          dash: DASHES[i % DASHES.length],
          width: 1.5,
          spanGaps: true,
          value: (_plot, value, _series, row) => formatValue(row == null ? latest(run.table[i + 1]) : value),
        }),
      );
    }
    this.plot = new uPlot(
      {
        title: this.axes.title,
        width: 460,
        height: 260,
        scales: { x: { time: false } },
        axes: [{ label: STEP_AXIS }, { label: this.axes.y }],
        // The legend's markers follow the lines: solid, dashed or dotted as the series is drawn.
        legend: { markers: { dash: (plot, i) => markerStyle(plot.series[i].dash) } },
        series,
      },
      this.data(),
      this.plotArea,
    );
    this.caption.replaceChildren(...lineKey(this.runs.filter(Boolean)), ...(this.axes.note ? [` ${this.axes.note}`] : []));
  }
}

/** The last value of a series (null where it was not a finite number), or undefined before any. */
function latest(column: readonly (number | null)[]): number | null | undefined {
  return column.at(-1);
}

function markerStyle(dash: number[] | undefined): string {
  if (!dash?.length) return 'solid';
  return dash[0] <= 2 ? 'dotted' : 'dashed';
}

function lastStep(plot: uPlot): number | undefined {
  return plot.data[0].at(-1);
}

function formatValue(value: number | null | undefined): string {
  return value === undefined || value === null ? '–' : String(Number(value.toPrecision(4)));
}

/**
 * The chart's key to its lines: colour names the run, the dash pattern the series (each pattern drawn,
 * with the names that runs give it).
 */
function lineKey(runs: readonly ChartRun[]): Node[] {
  const byDash = new Map<number, Set<string>>();
  for (const run of runs) run.series.forEach((label, i) => byDash.set(i % DASHES.length, (byDash.get(i % DASHES.length) ?? new Set()).add(label)));
  if (byDash.size === 0) return [document.createTextNode('No run has a series on this chart.')];
  const nodes: Node[] = [document.createTextNode('Colour: the run. Line: ')];
  [...byDash].forEach(([dash, labels], k) => {
    const sample = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
    sample.setAttribute('width', '28');
    sample.setAttribute('height', '8');
    sample.setAttribute('aria-hidden', 'true');
    sample.innerHTML = `<line x1="0" y1="4" x2="28" y2="4" stroke="#333" stroke-width="1.5"${DASHES[dash].length ? ` stroke-dasharray="${DASHES[dash].join(' ')}"` : ''}/>`;
    const item = document.createElement('span');
    item.className = 'line-key';
    item.append(sample, ` ${DASH_NAMES[dash]} = ${[...labels].join(' / ')}`);
    if (k > 0) nodes.push(document.createTextNode(', '));
    nodes.push(item);
  });
  nodes.push(document.createTextNode('.'));
  return nodes;
}
