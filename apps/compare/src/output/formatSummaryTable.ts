import type { SeedStatistics } from '../report/index.js';
import type { ConfigurationSummary } from './summarize.js';

/**
 * The terminal's summary: one ranked row per configuration, final test accuracy as mean ± std over
 * the completed runs (exact sum and bits for binary digits, accuracy for classification); over one
 * run, the mean alone.
 */
export function formatSummaryTable(summaries: readonly ConfigurationSummary[]): string {
  const binary = summaries[0]?.task !== 'classification';
  const threshold = summaries[0]?.threshold;
  const thresholdName = threshold ? `epochs to ${threshold.metric === 'bitAccuracy' ? 'bits' : 'accuracy'} ≥ ${threshold.value}` : '';
  const header = [
    '#',
    'configuration',
    'runs',
    ...(binary ? ['test exact sum', 'test bits'] : ['test accuracy']),
    'best epoch',
    thresholdName,
    's/run',
  ];
  const rows = summaries.map((s, i) => [
    String(i + 1),
    s.label,
    runsCell(s),
    ...(binary ? [pm(s.exactAccuracy), pm(s.bitAccuracy)] : [pm(s.accuracy)]),
    s.bestEpoch === undefined ? '–' : String(s.bestEpoch),
    s.epochsToThreshold === undefined ? (s.runs ? 'never' : '–') : String(s.epochsToThreshold),
    s.seconds ? s.seconds.mean.toFixed(1) : '–',
  ]);
  const widths = header.map((h, c) => Math.max(h.length, ...rows.map((r) => r[c].length)));
  const line = (cells: readonly string[]) =>
    cells.map((cell, c) => (c === 1 ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join('  ').trimEnd();
  return [line(header), widths.map((w) => '─'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
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
