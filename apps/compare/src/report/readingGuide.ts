import { escapeHtml } from './escapeHtml.js';
import { formatLevel } from './formatStatistic.js';
import type { TaskCriteria } from './taskCriteria.js';

/**
 * How the table's numbers are computed, in words, for the page (below the table).
 *
 * @example
 * ```ts
 * readingGuide(taskCriteria('binary-digits')); // '<ul class="guide">…99% train bit accuracy…</ul>'
 * ```
 */
export function readingGuide(criteria: TaskCriteria): string {
  const ranking = criteria.ranking.map((m) => m.title.toLowerCase());
  const level = formatLevel(criteria.threshold.value);
  const thresholdMetric = criteria.threshold.metric.title.toLowerCase();
  const items = [
    'Final values are those of the last epoch of each <em>completed</em> run: mean ± sample standard deviation over seeds (percentage points for accuracies); <span class="n">n = k</span> marks fewer seeds than the suite has.',
    `Ranked by final ${ranking.join(', then ')}, then lower ${escapeHtml(criteria.tieBreak.title.toLowerCase())}; configurations without a completed run come last.`,
    `Best epoch: the epoch with the highest mean ${ranking.join(' (ties: ')}${ranking.length > 1 ? ')' : ''} over seeds. Epochs to threshold: for each run, the first epoch at which its ${thresholdMetric} reaches <strong>${level}</strong>, mean ± std over the runs that reached it (how many did, in brackets); “never” if none did. Epochs run: how many epochs each run trained before its last epoch or its <code>training.stopWhen</code> rule (r: level reached, p: plateau) ended it.`,
    'Epochs are counted from 1: epoch <em>e</em> is measured after <em>e</em> passes over the training set. Seconds: wall-clock time of a whole run.',
  ];
  return `<ul class="guide">${items.map((item) => `<li>${item}</li>`).join('')}</ul>`;
}
