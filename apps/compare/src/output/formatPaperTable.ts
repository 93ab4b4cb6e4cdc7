import { formatCell, type PaperTable } from '../report/paperTable.js';
import { extremes } from '../report/extremes.js';

/**
 * The paper-style table for the terminal: a title line, then one row per row tag value and one
 * column per column tag value; cells are mean ± std over seeds in percent (2 decimals), `*` marks
 * the best of each column.
 *
 * @example
 * ```ts
 * formatPaperTable(paperTable(records, suite)!);
 * // Test error (%): mean ± std over seeds, final epoch; * = best in its column
 * // method \ hiddenLayers  3             4             …
 * // backprop               2.10 ± 0.05*  …
 * ```
 */
export function formatPaperTable(table: PaperTable): string {
  const header = [`${table.rowTitle} \\ ${table.columnTitle}`, ...table.columns.map(String)];
  const rows = table.rows.map((row, r) => [
    String(row),
    ...table.columns.map((_, c) => {
      const text = formatCell(table.cells[r][c]);
      return text === '' ? '' : `${text}${table.best[c] === r ? '*' : ' '}`;
    }),
  ]);
  const widths = header.map((h, c) => Math.max(h.length, extremes(rows.map((row) => row[c].length)).max));
  const line = (cells: readonly string[]) => cells.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join('  ').trimEnd();
  return [
    `${table.title}: mean ± std over seeds, final epoch; * = best in its column`,
    line(header),
    widths.map((w) => '─'.repeat(w)).join('  '),
    ...rows.map(line),
  ].join('\n');
}
