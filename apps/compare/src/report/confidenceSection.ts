import type { ConfidenceInterval } from './confidenceInterval.js';
import type { MetricConfidence } from './configurationConfidence.js';
import { escapeHtml } from './escapeHtml.js';
import { formatNumber } from './formatStatistic.js';
import type { ReportMetric } from './reportMetrics.js';

/**
 * The report's "Confidence" section: for each configuration (in `labels`' order) and metric, the
 * final value's 95% Student t interval over seeds and, against the baseline, the paired difference
 * seed by seed with its interval. Accuracies in percent, their differences in percentage points.
 *
 * @example
 * ```ts
 * confidenceSection(ranked.map((s) => s.label), [reportMetrics.testAccuracy], confidence, 'backprop');
 * ```
 */
export function confidenceSection(
  labels: readonly string[],
  metrics: readonly ReportMetric[],
  confidence: ReadonlyMap<string, ReadonlyMap<string, MetricConfidence>>,
  baseline: string | undefined,
): string {
  if (labels.length === 0 || metrics.length === 0) return '';
  const head = [
    '<th scope="col">Configuration</th>',
    ...metrics.flatMap((m) => [
      `<th scope="col" class="num">${escapeHtml(m.title)}<br><span class="of">mean [95% CI]</span></th>`,
      ...(baseline === undefined ? [] : [`<th scope="col" class="num">Δ vs ${escapeHtml(baseline)}<br><span class="of">paired [95% CI]</span></th>`]),
    ]),
  ];
  const rows = labels.map((label) => {
    const cells = metrics.flatMap((m) => {
      const c = confidence.get(label)?.get(m.id);
      const format = m.kind === 'accuracy' ? 'percent' : 'number';
      return [
        `<td class="num">${intervalText(c?.interval, format, false)}</td>`,
        ...(baseline === undefined
          ? []
          : [`<td class="num">${label === baseline ? '<span class="none">baseline</span>' : pairedText(c, format)}</td>`]),
      ];
    });
    return `<tr data-configuration="${escapeHtml(label)}"><th scope="row">${escapeHtml(label)}</th>${cells.join('')}</tr>`;
  });
  const intro =
    baseline === undefined
      ? 'Final values over completed runs with their 95% confidence intervals (Student t over seeds). No configuration is labelled or trained by backprop, so nothing is compared seed by seed; choose a baseline with <code>--baseline &lt;label&gt;</code> or the suite\'s <code>"baseline"</code>.'
      : `Final values over completed runs with their 95% confidence intervals (Student t over seeds), and each configuration's difference to <strong>${escapeHtml(baseline)}</strong> on the same seeds (its final value minus the baseline's, seed by seed; the interval is over those differences). An interval that excludes 0 is shown in bold. With 3 seeds, t(0.975, 2) = 4.30: intervals are wide; more seeds narrow them. A t interval knows nothing of the 0–100% bounds, so it can pass them.`;
  return `<section id="confidence" aria-labelledby="confidence-title">
<h2 id="confidence-title">Confidence</h2>
<p class="section-intro">${intro}</p>
<div class="table-scroll"><table id="confidence-table" class="summary">
<thead><tr>${head.join('')}</tr></thead>
<tbody>
${rows.join('\n')}
</tbody>
</table></div>
</section>`;
}

function intervalText(interval: ConfidenceInterval | undefined, format: 'percent' | 'number', difference: boolean): string {
  if (!interval) return '<span class="none">—</span>';
  const number = (v: number) =>
    difference ? signed(v, format) : (format === 'percent' ? (v * 100).toFixed(1) : formatNumber(v, format)).replace(/^-/, '−');
  const mean = difference ? `${signed(interval.mean, format)}${format === 'percent' ? ' pp' : ''}` : formatNumber(interval.mean, format);
  const bounds =
    interval.low === undefined || interval.high === undefined
      ? ' <span class="of">(1 seed: no interval)</span>'
      : ` <span class="std">[${number(interval.low)}, ${number(interval.high)}]</span>`;
  return `<span class="mean">${escapeHtml(mean)}</span>${bounds}`;
}

function pairedText(c: MetricConfidence | undefined, format: 'percent' | 'number'): string {
  const paired = c?.paired;
  if (!paired) return '<span class="none">no seed in common</span>';
  const excludesZero = paired.low !== undefined && paired.high !== undefined && (paired.low > 0 || paired.high < 0);
  const text = `${intervalText(paired, format, true)} <span class="of">(${paired.n} ${paired.n === 1 ? 'pair' : 'pairs'})</span>`;
  return excludesZero ? `<strong>${text}</strong>` : text;
}

/** A difference with its sign: percentage points for accuracies. */
function signed(value: number, format: 'percent' | 'number'): string {
  const text = format === 'percent' ? (Math.abs(value) * 100).toFixed(1) : formatNumber(Math.abs(value), format);
  return `${value < 0 ? '−' : '+'}${text}`;
}
