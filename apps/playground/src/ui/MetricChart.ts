import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';

const COLOURS = ['#1f77b4', '#d62728', '#2ca02c', '#9467bd', '#ff7f0e', '#8c564b'];

/** A streaming line chart (uPlot) of some series against the step. */
export class MetricChart {
  private readonly plot: uPlot;
  private readonly columns: (number | null)[][];

  constructor(parent: HTMLElement, title: string, readonly series: readonly string[]) {
    const figure = document.createElement('figure');
    figure.className = 'chart';
    figure.dataset.metric = title;
    parent.append(figure);
    this.columns = [[], ...series.map(() => [])];
    this.plot = new uPlot(
      {
        title,
        width: 420,
        height: 220,
        scales: { x: { time: false } },
        series: [{ label: 'step' }, ...series.map((label, i) => ({ label, stroke: COLOURS[i % COLOURS.length], width: 1.5 }))],
      },
      this.columns as uPlot.AlignedData,
      figure,
    );
  }

  push(step: number, values: readonly (number | undefined)[]): void {
    if (this.columns[0].length && step <= this.columns[0].at(-1)!) return;
    this.columns[0].push(step);
    values.forEach((value, i) => this.columns[i + 1].push(value !== undefined && Number.isFinite(value) ? value : null));
    this.plot.setData(this.columns as uPlot.AlignedData);
  }

  clear(): void {
    for (const column of this.columns) column.length = 0;
    this.plot.setData(this.columns as uPlot.AlignedData);
  }
}
