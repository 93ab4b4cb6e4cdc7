import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';

/** One run's part of a chart: its name and colour (the legend's), and the names of its series. */
export interface ChartRun {
  readonly name: string;
  readonly colour: string;
  readonly series: readonly string[];
}

/** Dash patterns telling a run's series apart (its colour tells the runs apart). */
const DASHES: readonly number[][] = [[], [6, 4], [2, 3], [10, 3, 2, 3], [1, 6]];

/**
 * A streaming uPlot line chart of several runs against the step: each run has its own colour and
 * its own steps; `uPlot.join` aligns the runs' tables (gaps spanned). Redraws at most once a frame.
 */
export class RaceChart {
  private plot: uPlot | undefined;
  private readonly runs: (ChartRun & { table: (number | null)[][] })[] = [];
  private drawQueued = false;
  private readonly figure: HTMLElement;

  constructor(
    parent: HTMLElement,
    private readonly title: string,
  ) {
    this.figure = document.createElement('figure');
    this.figure.className = 'chart';
    this.figure.dataset.metric = title;
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
    const series: uPlot.Series[] = [{ label: 'step' }];
    for (const run of this.runs.filter(Boolean)) {
      run.series.forEach((label, i) =>
        series.push({ label: `${run.name}: ${label}`, stroke: run.colour, dash: DASHES[i % DASHES.length], width: 1.5, spanGaps: true }),
      );
    }
    this.plot = new uPlot({ title: this.title, width: 460, height: 240, scales: { x: { time: false } }, series }, this.data(), this.figure);
  }
}
