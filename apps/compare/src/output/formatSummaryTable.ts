import type { SeedStatistics } from '../report/index.js';
import type { ConfigurationSummary } from './summarize.js';

/**
 * The terminal's summary: one ranked row per configuration, the final metrics of each split (train,
 * validation, test) as mean ± std over the completed runs, a `*` on the columns the ranking reads;
 * over one run, the mean alone.
 */
export function formatSummaryTable(summaries: readonly ConfigurationSummary[]): string {
  const first = summaries[0];
  const columns = first?.columns ?? [];
  const threshold = first?.threshold;
  const thresholdName = threshold ? `epochs to ${shortTitle(threshold.title)} ≥ ${threshold.value}` : '';
  const selected = (id: string) => first !== undefined && id.startsWith(`${first.selection}-`);
  const header = [
    '#',
    'configuration',
    'runs',
    ...columns.map((m) => `${shortTitle(m.title)}${selected(m.id) ? '*' : ''}`),
    'best epoch*',
    thresholdName,
    's/run',
  ];
  const rows = summaries.map((s, i) => [
    String(i + 1),
    s.label,
    runsCell(s),
    ...columns.map((m) => pm(s.finals.get(m.id))),
    s.bestEpoch === undefined ? '–' : String(s.bestEpoch),
    s.epochsToThreshold === undefined ? (s.runs ? 'never' : '–') : String(s.epochsToThreshold),
    s.seconds ? s.seconds.mean.toFixed(1) : '–',
  ]);
  const widths = header.map((h, c) => Math.max(h.length, ...rows.map((r) => r[c].length)));
  const line = (cells: readonly string[]) =>
    cells.map((cell, c) => (c === 1 ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join('  ').trimEnd();
  const note = first
    ? first.selection === 'validation'
      ? '* ranked and best epoch chosen on validation; train and test are only reported'
      : '* ranked on test: the dataset has no validation split (set validationSize), nothing was held out for choosing'
    : '';
  return [line(header), widths.map((w) => '─'.repeat(w)).join('  '), ...rows.map(line), ...(note ? [note] : [])].join('\n');
}

/** "Validation exact accuracy" → "val exact", "Test bit accuracy" → "test bits". */
function shortTitle(title: string): string {
  return title
    .toLowerCase()
    .replace('validation', 'val')
    .replace('bit accuracy', 'bits')
    .replace('exact accuracy', 'exact');
}

// One seed has no spread: "± 0.000" would claim a measured agreement that is not there.
function pm(stat: SeedStatistics | undefined): string {
  if (!stat) return '–';
  return stat.n > 1 ? `${stat.mean.toFixed(3)} ± ${stat.std.toFixed(3)}` : stat.mean.toFixed(3);
}

function runsCell(s: ConfigurationSummary): string {
  const notes = [s.diverged ? `${s.diverged} diverged` : '', s.failed ? `${s.failed} failed` : ''].filter(Boolean);
  return `${s.completed}/${s.runs}${notes.length ? ` (${notes.join(', ')})` : ''}`;
}
