import { terminalSafe } from '../cli/terminalSafe.js';
import type { SeedStatistics } from '../report/index.js';
import type { ConfigurationSummary } from './summarize.js';
import { extremes } from '../report/extremes.js';

/**
 * The terminal's summary: one ranked row per configuration, the final metrics of each split (train,
 * validation, test) as mean ± std over the completed runs, a `*` on the columns the ranking reads;
 * over one run, the mean alone. Wider than `width` (the terminal's columns), each configuration is
 * printed as a block of "name value" items wrapped to that width instead.
 */
export function formatSummaryTable(summaries: readonly ConfigurationSummary[], width?: number): string {
  const first = summaries[0];
  const columns = first?.columns ?? [];
  const threshold = first?.threshold;
  const thresholdName = threshold ? `runs reaching ${shortTitle(threshold.title)} ≥ ${threshold.value}: at epoch` : '';
  const selected = (id: string) => first !== undefined && id.startsWith(`${first.selection}-`);
  const header = [
    '#',
    'configuration',
    'runs',
    ...columns.map((m) => `${shortTitle(m.title)}${selected(m.id) ? '*' : ''}`),
    'best epoch*',
    thresholdName,
    'epochs run',
    's/run',
  ];
  const rows = summaries.map((s, i) => [
    String(i + 1),
    terminalSafe(s.label, { oneLine: true }),
    runsCell(s),
    ...columns.map((m) => pm(s.finals.get(m.id))),
    s.bestEpoch === undefined ? '–' : String(s.bestEpoch),
    thresholdCell(s),
    epochsRunCell(s),
    s.seconds ? s.seconds.mean.toFixed(1) : '–',
  ]);
  const widths = header.map((h, c) => Math.max(h.length, extremes(rows.map((r) => r[c].length)).max));
  const line = (cells: readonly string[]) =>
    cells.map((cell, c) => (c === 1 ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join('  ').trimEnd();
  const noEpochYet = summaries.every((s) => s.epochsRun === undefined);
  const note = noEpochYet
    ? '* no run has finished an epoch yet: nothing is ranked, and which split ranks is decided by the first records'
    : first
    ? first.selection === 'validation'
      ? '* ranked and best epoch chosen on validation; train and test are only reported'
      : '* ranked on test: the dataset has no validation split (set validationSize), nothing was held out for choosing'
    : '';
  const stopNote = summaries.some((s) => s.stoppedReached + s.stoppedPlateau > 0)
    ? 'epochs run: r = runs stopped once their stopWhen level was reached, p = stopped on a plateau (see the suite\'s training.stopWhen)'
    : '';
  const notes = [note, stopNote].filter(Boolean);
  const table = [line(header), widths.map((w) => '─'.repeat(w)).join('  '), ...rows.map(line)];
  if (width === undefined || extremes(table.map((l) => l.length)).max <= width) return [...table, ...notes].join('\n');
  return [...rows.map((row) => block(header, row, width)), ...notes.map((n) => wrap(n.split(' '), width, '', ' '))].join('\n');
}

/** One configuration as "#. label" and its other cells as "name value" items, wrapped to `width`. */
function block(header: readonly string[], row: readonly string[], width: number): string {
  const [rank, label] = row;
  const items = header.slice(2).map((name, i) => `${name} ${row[i + 2]}`);
  return `${rank}. ${label}\n${wrap(items, width, '   ')}`;
}

/** `items` joined by `separator`, broken into lines of at most `width` characters (an item longer than that gets a line of its own). */
function wrap(items: readonly string[], width: number, indent: string, separator = ' · '): string {
  const lines: string[] = [];
  let current = '';
  for (const item of items) {
    const next = current === '' ? `${indent}${item}` : `${current}${separator}${item}`;
    if (current !== '' && next.length > width) {
      lines.push(current);
      current = `${indent}${item}`;
    } else current = next;
  }
  if (current !== '') lines.push(current);
  return lines.join('\n');
}

/** "3/3 at 117 ± 5": the runs that reached the threshold, and their epochs (from 1). */
function thresholdCell(s: ConfigurationSummary): string {
  const { reached, of, epochs } = s.thresholdRuns;
  if (of === 0) return '–';
  if (!epochs) return `0/${of} never`;
  return `${reached}/${of} at ${epochs.n > 1 ? `${epochs.mean.toFixed(1)} ± ${epochs.std.toFixed(1)}` : String(epochs.mean)}`;
}

function epochsRunCell(s: ConfigurationSummary): string {
  if (!s.epochsRun) return '–';
  const { n, mean, std } = s.epochsRun;
  const stops = [s.stoppedReached ? `${s.stoppedReached}r` : '', s.stoppedPlateau ? `${s.stoppedPlateau}p` : ''].filter(Boolean).join(' ');
  return `${n > 1 ? `${mean.toFixed(0)} ± ${std.toFixed(0)}` : mean.toFixed(0)}${stops ? ` (${stops})` : ''}`;
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
