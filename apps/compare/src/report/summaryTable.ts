import type { Suite } from '../RunRecord.js';
import type { ChartStyles } from './chartStyles.js';
import { configurationDetails } from './configurationDetails.js';
import { escapeHtml } from './escapeHtml.js';
import { formatLevel, formatStatistic } from './formatStatistic.js';
import type { ConfigurationSummary } from './summariseConfiguration.js';
import type { TaskCriteria } from './taskCriteria.js';

/**
 * The ranked summary as `<table id="summary-table">`, exactly one `<tbody>` row per configuration
 * (best first), each row carrying `data-label`.
 *
 * @example
 * ```ts
 * summaryTable(rankConfigurations(summaries, criteria), criteria, suite, chartStyles(labels));
 * ```
 */
export function summaryTable(
  ranked: readonly ConfigurationSummary[],
  criteria: TaskCriteria,
  suite: Suite,
  styles: ChartStyles,
): string {
  const seeds = suite.seeds.length;
  const { metric, value } = criteria.threshold;
  const thresholdTitle = `Epochs to ${formatLevel(value)} ${metric.title.toLowerCase().replace('accuracy', 'acc.')}`;
  const thresholdHint = `Runs whose ${metric.title.toLowerCase()} reached ${formatLevel(value)}, and the first epoch at which each did (mean ± std over those runs)`;
  const head = [
    '<th scope="col" class="num">#</th>',
    '<th scope="col">Configuration</th>',
    ...criteria.columns.map((m) => `<th scope="col" class="num">${escapeHtml(m.title)}</th>`),
    '<th scope="col" class="num" title="Epoch with the best mean ranking metric over seeds">Best epoch</th>',
    `<th scope="col" class="num" title="${escapeHtml(thresholdHint)}">${escapeHtml(thresholdTitle)}</th>`,
    '<th scope="col" class="num" title="Epochs each run trained; r = stopped when its training.stopWhen level was reached, p = stopped on a plateau">Epochs run</th>',
    '<th scope="col" class="num">Seconds per run</th>',
    '<th scope="col">Runs</th>',
    '<th scope="col">Settings</th>',
  ];
  const rows = ranked.map((s, i) => {
    const colour = styles.colours.get(s.label) ?? '#9ca3af';
    const cells = [
      `<td class="num rank">${i + 1}</td>`,
      `<th scope="row" class="label">${swatch(colour, styles.dashes.get(s.label) ?? [])}${escapeHtml(s.label)}</th>`,
      ...criteria.columns.map((m) => `<td class="num">${formatStatistic(s.final.get(m.id), m.kind === 'accuracy' ? 'percent' : 'number', seeds)}</td>`),
      `<td class="num">${epochOf(s.bestEpoch, s.plannedEpochs)}</td>`,
      `<td class="num">${thresholdRunsCell(s, seeds)}</td>`,
      `<td class="num">${formatStatistic(s.epochsRun, 'number', seeds)}${stopsOf(s)}<span class="of"> / ${s.plannedEpochs}</span></td>`,
      `<td class="num">${formatStatistic(s.seconds, 'seconds', seeds)}</td>`,
      `<td class="status">${statusBadges(s)}</td>`,
      `<td class="settings">${configurationDetails(s.run, suite)}</td>`,
    ];
    return `<tr data-label="${escapeHtml(s.label)}">${cells.join('')}</tr>`;
  });
  return `<div class="table-scroll"><table id="summary-table" class="summary">
<thead><tr>${head.join('')}</tr></thead>
<tbody>
${rows.join('\n')}
</tbody>
</table></div>`;
}

function thresholdRunsCell(s: ConfigurationSummary, seeds: number): string {
  const { reached, of, epochs } = s.thresholdRuns;
  if (of === 0) return '<span class="none">—</span>';
  if (!epochs) return `<span class="none">never</span><span class="of"> (0/${of})</span>`;
  return `${formatStatistic(epochs, 'number', seeds)}<span class="of"> (${reached}/${of} runs)</span>`;
}

function stopsOf({ stopped }: ConfigurationSummary): string {
  const parts = [stopped.reached ? `${stopped.reached} r` : '', stopped.plateau ? `${stopped.plateau} p` : ''].filter(Boolean);
  return parts.length ? ` <span class="of">(${parts.join(', ')})</span>` : '';
}

function epochOf(epoch: number | undefined, planned: number): string {
  return epoch === undefined ? '<span class="none">—</span>' : `${epoch}<span class="of"> / ${planned}</span>`;
}

function statusBadges({ status }: ConfigurationSummary): string {
  const badges = [
    status.completed > 0 && `<span class="badge ok">${status.completed} completed</span>`,
    status.diverged > 0 && `<span class="badge warn">${status.diverged} diverged</span>`,
    status.failed > 0 && `<span class="badge error">${status.failed} failed</span>`,
    status.missing > 0 && `<span class="badge missing">${status.missing} missing</span>`,
  ];
  return badges.filter(Boolean).join(' ');
}

/** The configuration's line as drawn in the charts: its colour and dash pattern. */
function swatch(colour: string, dash: readonly number[]): string {
  const dashes = dash.length > 0 ? ` stroke-dasharray="${dash.join(' ')}"` : '';
  return `<svg class="swatch" width="22" height="12" viewBox="0 0 22 12" aria-hidden="true"><line x1="1" y1="6" x2="21" y2="6" stroke="${colour}" stroke-width="3"${dashes}/></svg>`;
}
