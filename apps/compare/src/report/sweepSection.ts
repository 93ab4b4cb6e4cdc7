import type { TopLevelSpec } from 'vega-lite';
import type { Suite } from '../RunRecord.js';
import { chartDownloads } from './chartDownloads.js';
import { chartFigure } from './chartFigure.js';
import { escapeHtml } from './escapeHtml.js';
import { formatStatistic } from './formatStatistic.js';
import { renderChartSvg } from './renderChartSvg.js';
import type { SweepResult } from './sweepResults.js';
import type { TaskCriteria } from './taskCriteria.js';
import { extremes } from './extremes.js';

/**
 * The report's "Sweep" section: per swept configuration, its chosen setting and a table of every
 * setting (best first) with the selection metrics; then one sensitivity chart per swept path: the
 * final selection metric of every setting against that path's value (a point per setting, a line
 * through the best at each value). Empty when the suite sweeps nothing.
 *
 * @example
 * ```ts
 * await sweepSection(sweepResults(records, suite, criteria), criteria, suite);
 * ```
 */
export async function sweepSection(sweeps: readonly SweepResult[], criteria: TaskCriteria, suite: Suite): Promise<string> {
  if (sweeps.length === 0) return '';
  const seeds = suite.seeds.length;
  const metrics = criteria.ranking;
  const tables = sweeps.map((sweep) => {
    const head = ['#', 'Setting', ...metrics.map((m) => m.title), 'Epochs'].map((h) => `<th scope="col">${escapeHtml(h)}</th>`);
    const rows = sweep.ranked.map((s, i) => {
      const chosen = s === sweep.chosen;
      const cells = [
        `<td class="num">${i + 1}</td>`,
        `<th scope="row">${escapeHtml(settingWords(s.setting))}${chosen ? ' <span class="badge ok">chosen</span>' : ''}</th>`,
        ...metrics.map((m) => `<td class="num">${formatStatistic(s.summary.final.get(m.id), 'percent', seeds)}</td>`),
        `<td class="num">${s.epochs}${s.stoppedByCriterion ? ' (stopWhen)' : s.epochs < s.summary.plannedEpochs ? ' (stopped by halving)' : ''}</td>`,
      ];
      return `<tr data-label="${escapeHtml(s.run.label)}"${chosen ? ' class="chosen"' : ''}>${cells.join('')}</tr>`;
    });
    const chosenText = sweep.chosen ? `chosen: <strong>${escapeHtml(settingWords(sweep.chosen.setting))}</strong>` : 'no setting completed';
    return `<h3>${escapeHtml(sweep.configuration)}: ${chosenText}</h3>
<div class="table-scroll"><table class="summary sweep" data-sweep="${escapeHtml(sweep.configuration)}">
<thead><tr>${head.join('')}</tr></thead>
<tbody>
${rows.join('\n')}
</tbody>
</table></div>`;
  });
  const metric = metrics[metrics.length - 1];
  const paths = [...new Set(sweeps.flatMap((s) => s.paths))];
  const figures = await Promise.all(
    paths.map(async (path) => {
      const points = sweeps.flatMap((sweep) =>
        sweep.ranked.flatMap((s) => {
          const value = s.setting[path];
          const y = s.summary.final.get(metric.id)?.mean;
          if (value === undefined || y === undefined || (s.epochs < s.summary.plannedEpochs && !s.stoppedByCriterion)) return [];
          return [{ configuration: sweep.configuration, value: typeof value === 'number' ? value : JSON.stringify(value), y }];
        }),
      );
      if (points.length === 0) return '';
      const spec = sensitivitySpec(path, metric.title, points);
      const svg = await renderChartSvg(spec);
      return chartFigure({
        metric: `sweep-${path}`,
        title: `${metric.title} against ${path}`,
        caption: `Each point: one setting's final ${metric.title.toLowerCase()} (mean over seeds), settings stopped early left out; the line joins the best setting at each value of ${path}, whatever the other swept settings were.`,
        svg,
        downloads: chartDownloads(`sweep-${path}`, spec, svg),
      });
    }),
  );
  return `<section id="sweep" aria-labelledby="sweep-title">
<h2 id="sweep-title">Sweep</h2>
<p class="section-intro">Each configuration's settings, ranked on the <strong>${criteria.selection}</strong> split (final ${metrics.map((m) => escapeHtml(m.title.toLowerCase())).join(', then ')}, mean over seeds)${criteria.selection === 'test' ? ' — the dataset has no validation split, so this choice reads test data' : ''}; the chosen setting is the best one that trained every epoch.</p>
${tables.join('\n')}
<div class="charts">
${figures.filter(Boolean).join('\n')}
</div>
</section>`;
}

/** `learningRate = 0.3, generatorLearningRate = 0.001`. */
function settingWords(setting: Readonly<Record<string, unknown>>): string {
  return Object.entries(setting)
    .map(([path, value]) => `${path.slice(path.indexOf('.') + 1)} = ${JSON.stringify(value)}`)
    .join(', ');
}

function sensitivitySpec(path: string, yTitle: string, points: { configuration: string; value: number | string; y: number }[]): TopLevelSpec {
  const numeric = points.every((p) => typeof p.value === 'number');
  const values = points.map((p) => p.value as number);
  const range = extremes(values);
  const log = numeric && values.every((v) => v > 0) && range.max / range.min >= 10;
  const x = numeric
    ? { field: 'value', type: 'quantitative' as const, title: path, scale: log ? { type: 'log' as const } : { zero: false } }
    : { field: 'value', type: 'ordinal' as const, title: path };
  const colour = { field: 'configuration', type: 'nominal' as const, title: 'configuration' };
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    width: 520,
    height: 260,
    background: 'white',
    data: { values: points },
    layer: [
      { mark: { type: 'line', point: false }, encoding: { x, y: { aggregate: 'max', field: 'y', type: 'quantitative', title: yTitle, axis: { format: '.0%' }, scale: { zero: false } }, color: colour } },
      { mark: { type: 'point', filled: true, size: 40 }, encoding: { x, y: { field: 'y', type: 'quantitative' }, color: colour } },
    ],
  };
}
