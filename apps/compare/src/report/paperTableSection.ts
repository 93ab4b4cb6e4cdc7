import { escapeHtml } from './escapeHtml.js';
import type { PaperTable, PaperTableCell } from './paperTable.js';

/**
 * The paper-style table as a report section (`<table id="paper-table">`): one `<tbody>` row per
 * row tag value (`data-row`), one column per column tag value, each cell the configuration's final
 * metric in percent, mean ± std over seeds; the best of each column in bold. Empty without a table.
 *
 * @example
 * ```ts
 * paperTableSection(paperTable(records, suite));
 * ```
 */
export function paperTableSection(table: PaperTable | undefined): string {
  if (table === undefined || table.rows.length === 0) return '';
  const better = table.metric === 'testError' ? 'lowest' : 'highest';
  const head = `<tr><th scope="col" rowspan="2">${escapeHtml(table.rowTitle)}</th><th scope="colgroup" colspan="${table.columns.length}" class="group">${escapeHtml(table.columnTitle)}</th></tr>
<tr>${table.columns.map((column) => `<th scope="col" class="num">${escapeHtml(String(column))}</th>`).join('')}</tr>`;
  const body = table.rows.map((row, r) => {
    const cells = table.columns.map((_, c) => cellHtml(table.cells[r][c], table.best[c] === r));
    return `<tr data-row="${escapeHtml(String(row))}"><th scope="row" class="label">${escapeHtml(String(row))}</th>${cells.join('')}</tr>`;
  });
  return `<section id="paper-table-section" aria-labelledby="paper-table-title">
<h2 id="paper-table-title">${escapeHtml(table.title)}</h2>
<p class="section-intro">Laid out like the paper's table: rows by <code>${escapeHtml(table.rowTag)}</code>, columns by <code>${escapeHtml(table.columnTag)}</code>. Each cell is one configuration's final ${table.metric === 'testError' ? 'test error' : 'test accuracy'} in percent (last epoch), mean ± sample standard deviation over the seeds whose run completed (in percentage points; <q>n</q> when fewer seeds completed). Bold: the ${better} in its column.</p>
<div class="table-scroll paper-scroll"><table id="paper-table" class="summary paper">
<thead>${head}</thead>
<tbody>
${body.join('\n')}
</tbody>
</table></div>
</section>`;
}

function cellHtml(cell: PaperTableCell | undefined, best: boolean): string {
  if (cell === undefined) return '<td class="num"><span class="none">—</span></td>';
  const { statistics, seeds, diverged, failed, missing } = cell;
  const title = ` title="${escapeHtml(cell.label)}"`;
  const notes = [
    statistics !== undefined && statistics.n < seeds ? `n = ${statistics.n}` : '',
    diverged ? `${diverged} diverged` : '',
    failed ? `${failed} failed` : '',
    missing ? `${missing} missing` : '',
  ].filter(Boolean);
  const note = notes.length ? ` <span class="n">${escapeHtml(notes.join(', '))}</span>` : '';
  if (statistics === undefined) return `<td class="num" data-label="${escapeHtml(cell.label)}"${title}><span class="none">—</span>${note}</td>`;
  const mean = statistics.mean.toFixed(2);
  const spread = statistics.n > 1 ? ` <span class="std">± ${statistics.std.toFixed(2)}</span>` : '';
  const value = best ? `<strong class="mean">${mean}</strong>` : `<span class="mean">${mean}</span>`;
  return `<td class="num${best ? ' best' : ''}" data-label="${escapeHtml(cell.label)}"${title}>${value}${spread}${note}</td>`;
}
