import { escapeHtml } from './escapeHtml.js';
import type { ConfigurationSummary } from './summariseConfiguration.js';

/**
 * The runs that did not complete, as an HTML notice: per configuration, which seeds diverged
 * (with how many epochs they kept and why), failed (why) or have no record. Empty when every
 * expected run completed.
 *
 * @example
 * ```ts
 * runNotes(summaries); // '<section class="notice" id="run-notes">…DNI: seed 2 diverged…</section>'
 * ```
 */
export function runNotes(summaries: readonly ConfigurationSummary[]): string {
  const items = summaries.flatMap((summary) => {
    const label = `<strong>${escapeHtml(summary.label)}</strong>`;
    const diverged = summary.runs
      .filter((run) => run.status === 'diverged')
      .map((run) => `${label}: seed ${run.seed} diverged after ${plural(run.history.length, 'finished epoch')}${reason(run.reason)}`);
    const failed = [...groupBy(summary.runs.filter((run) => run.status === 'failed'), (run) => run.reason ?? '')].map(
      ([why, runs]) => `${label}: ${seeds(runs.map((r) => r.seed))} failed${reason(why)}`,
    );
    const missing = summary.missingSeeds.length > 0 ? [`${label}: ${seeds(summary.missingSeeds)} ${summary.missingSeeds.length > 1 ? 'have' : 'has'} no record (not finished, or lost)`] : [];
    return [...diverged, ...failed, ...missing];
  });
  if (items.length === 0) return '';
  const counts = summaries.reduce(
    (sum, s) => ({ diverged: sum.diverged + s.status.diverged, failed: sum.failed + s.status.failed, missing: sum.missing + s.status.missing }),
    { diverged: 0, failed: 0, missing: 0 },
  );
  const headline = [
    counts.diverged > 0 && `${plural(counts.diverged, 'run')} diverged`,
    counts.failed > 0 && `${plural(counts.failed, 'run')} failed`,
    counts.missing > 0 && `${plural(counts.missing, 'run')} missing`,
  ]
    .filter(Boolean)
    .join(', ');
  return `<section class="notice" id="run-notes" aria-label="Runs that did not complete">
<h2>Not every run completed: ${headline}</h2>
<ul>${items.map((item) => `<li>${item}</li>`).join('')}</ul>
<p class="muted">Diverged and failed runs are left out of the final values in the table; a diverged run's learning curve stops at its last finished epoch.</p>
</section>`;
}

function seeds(list: readonly number[]): string {
  return `${list.length > 1 ? 'seeds' : 'seed'} ${list.join(', ')}`;
}

function reason(why: string | undefined): string {
  return why ? `: <q>${escapeHtml(why)}</q>` : '';
}

function plural(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const group = groups.get(key(item));
    if (group) group.push(item);
    else groups.set(key(item), [item]);
  }
  return groups;
}
