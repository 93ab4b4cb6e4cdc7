import type { EpochRecord } from 'synthgrad';
import type { RunRecord, Suite } from '../RunRecord.js';
import type { SuiteTable, TableMetric } from '../suite/suiteSchema.js';
import { finiteOrUndefined } from './finiteOrUndefined.js';
import { groupByConfiguration } from './groupByConfiguration.js';
import { seedStatistics, type SeedStatistics } from './seedStatistics.js';

/** A tag value as a table shows it. */
export type TagValue = string | number | boolean;

/** One cell: one configuration (the one whose tags name this row and column) over its seeds. */
export interface PaperTableCell {
  readonly label: string;
  /** The metric in percent over the completed runs' last epochs; undefined when none completed. */
  readonly statistics: SeedStatistics | undefined;
  /** Seeds the suite expects. */
  readonly seeds: number;
  readonly diverged: number;
  readonly failed: number;
  /** Seeds with no record yet. */
  readonly missing: number;
}

/** A paper-style table (suite `table`): rows × columns of tag values, one configuration per cell. */
export interface PaperTable {
  readonly title: string;
  readonly rowTag: string;
  readonly columnTag: string;
  /** What the header calls the rows and the columns (default: the tag names). */
  readonly rowTitle: string;
  readonly columnTitle: string;
  readonly metric: TableMetric;
  /** Tag values in the order the suite's configurations first use them. */
  readonly rows: readonly TagValue[];
  readonly columns: readonly TagValue[];
  /** `cells[r][c]`; undefined where no configuration has that pair of tags. */
  readonly cells: readonly (readonly (PaperTableCell | undefined)[])[];
  /** Per column, the row of the best mean (lowest error, highest accuracy); undefined for an empty column. */
  readonly best: readonly (number | undefined)[];
}

/** What each metric is called, and how to read it off an epoch's test metrics (as a fraction). */
export const TABLE_METRIC_INFO: Record<TableMetric, { title: string; lowerIsBetter: boolean; value: (e: EpochRecord) => number | undefined }> = {
  testError: {
    title: 'Test error (%)',
    lowerIsBetter: true,
    value: (e) => {
      const accuracy = finiteOrUndefined(e.test.accuracy ?? e.test.exactAccuracy);
      return accuracy === undefined ? undefined : 1 - accuracy;
    },
  },
  testAccuracy: {
    title: 'Test accuracy (%)',
    lowerIsBetter: false,
    value: (e) => finiteOrUndefined(e.test.accuracy ?? e.test.exactAccuracy),
  },
};

/**
 * The suite's paper-style table from its records, or undefined when the suite declares none. A cell
 * is the final value (last epoch) of the metric in percent — `testError` = 100 × (1 − test accuracy;
 * exact-sum accuracy for binary digits) — as mean ± sample std over the completed runs of its
 * configuration; diverged and failed runs are counted, not averaged.
 *
 * @example
 * ```ts
 * const table = paperTable(records, suite); // suite.table = { rows: "method", columns: "hiddenLayers" }
 * table?.cells[0][0]?.statistics?.mean; // 2.1 (percent)
 * ```
 */
export function paperTable(records: readonly RunRecord[], suite: Suite): PaperTable | undefined {
  const spec: SuiteTable | undefined = suite.table;
  if (spec === undefined) return undefined;
  const metric = spec.metric ?? 'testError';
  const info = TABLE_METRIC_INFO[metric];
  const groups = groupByConfiguration(records, suite);
  const rows: TagValue[] = [];
  const columns: TagValue[] = [];
  const byKey = new Map<string, PaperTableCell>();
  for (const run of suite.runs) {
    const row = run.tags?.[spec.rows];
    const column = run.tags?.[spec.columns];
    if (row === undefined || column === undefined) continue;
    if (!rows.includes(row)) rows.push(row);
    if (!columns.includes(column)) columns.push(column);
    const runs = groups.get(run.label) ?? [];
    const completed = runs.filter((r) => r.status === 'completed' && r.history.length > 0);
    const values = completed.flatMap((r) => {
      const v = info.value(r.history[r.history.length - 1]);
      return v === undefined ? [] : [100 * v];
    });
    const recorded = new Set(runs.map((r) => r.seed));
    byKey.set(JSON.stringify([row, column]), {
      label: run.label,
      statistics: seedStatistics(values),
      seeds: suite.seeds.length,
      diverged: runs.filter((r) => r.status === 'diverged').length,
      failed: runs.filter((r) => r.status === 'failed').length,
      missing: suite.seeds.filter((seed) => !recorded.has(seed)).length,
    });
  }
  const cells = rows.map((row) => columns.map((column) => byKey.get(JSON.stringify([row, column]))));
  const best = columns.map((_, c) => {
    let bestRow: number | undefined;
    rows.forEach((_row, r) => {
      const mean = cells[r][c]?.statistics?.mean;
      if (mean === undefined) return;
      const current = bestRow === undefined ? undefined : cells[bestRow][c]!.statistics!.mean;
      if (current === undefined || (info.lowerIsBetter ? mean < current : mean > current)) bestRow = r;
    });
    return bestRow;
  });
  return {
    title: spec.title ?? info.title,
    rowTag: spec.rows,
    columnTag: spec.columns,
    rowTitle: spec.rowsTitle ?? spec.rows,
    columnTitle: spec.columnsTitle ?? spec.columns,
    metric,
    rows,
    columns,
    cells,
    best,
  };
}

/**
 * A cell as text: `2.13 ± 0.08` (percent, 2 decimals; the spread in percentage points), with
 * `(n = 1)` when fewer seeds than the suite's completed, and what became of the others.
 *
 * @example
 * ```ts
 * formatCell(cell); // "2.13 ± 0.08"
 * ```
 */
export function formatCell(cell: PaperTableCell | undefined): string {
  if (cell === undefined) return '';
  const { statistics, seeds, diverged, failed, missing } = cell;
  const notes = [
    statistics !== undefined && statistics.n < seeds ? `n = ${statistics.n}` : '',
    diverged ? `${diverged} diverged` : '',
    failed ? `${failed} failed` : '',
    missing && statistics !== undefined ? `${missing} missing` : '',
  ].filter(Boolean);
  const value = statistics === undefined ? '–' : `${statistics.mean.toFixed(2)}${statistics.n > 1 ? ` ± ${statistics.std.toFixed(2)}` : ''}`;
  return notes.length ? `${value} (${notes.join(', ')})` : value;
}
