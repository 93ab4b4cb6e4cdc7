import type { Suite } from '../RunRecord.js';
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
 * summaryTable(rankConfigurations(summaries, criteria), criteria, suite, colours);
 * ```
 */
export function summaryTable(
  ranked: readonly ConfigurationSummary[],
  criteria: TaskCriteria,
  suite: Suite,
  colours: ReadonlyMap<string, string>,
): string {
  const seeds = suite.seeds.length;
  const { metric, value } = criteria.threshold;
  const thresholdTitle = `Epochs to ${formatLevel(value)} ${metric.title.toLowerCase().replace('accuracy', 'acc.')}`;
  const thresholdHint = `First epoch at which the mean ${metric.title.toLowerCase()} over seeds reaches ${formatLevel(value)}`;
  const head = [
    '<th scope="col" class="num">#</th>',
    '<th scope="col">Configuration</th>',
    ...criteria.columns.map((m) => `<th scope="col" class="num">${escapeHtml(m.title)}</th>`),
    '<th scope="col" class="num" title="Epoch with the best mean ranking metric over seeds">Best epoch</th>',
    `<th scope="col" class="num" title="${escapeHtml(thresholdHint)}">${escapeHtml(thresholdTitle)}</th>`,
    '<th scope="col" class="num">Seconds per run</th>',
    '<th scope="col">Runs</th>',
    '<th scope="col">Settings</th>',
  ];
  const rows = ranked.map((s, i) => {
    const colour = colours.get(s.label) ?? '#9ca3af';
    const cells = [
      `<td class="num rank">${i + 1}</td>`,
      `<th scope="row" class="label"><span class="swatch" style="background:${colour}"></span>${escapeHtml(s.label)}</th>`,
      ...criteria.columns.map((m) => `<td class="num">${formatStatistic(s.final.get(m.id), m.kind === 'accuracy' ? 'percent' : 'number', seeds)}</td>`),
      `<td class="num">${epochOf(s.bestEpoch, s.plannedEpochs)}</td>`,
      `<td class="num">${epochOf(s.epochsToThreshold, s.plannedEpochs)}</td>`,
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
