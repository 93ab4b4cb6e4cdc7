import { reportTaskOf, selectionSplitOf, sweepResults, taskCriteria } from '../report/index.js';
import type { RunRecord } from '../RunRecord.js';
import type { Suite } from '../suite/suiteSchema.js';
import { extremes } from '../report/extremes.js';

/**
 * The terminal's account of a sweep: per swept configuration, the chosen setting (best on the
 * selection split among settings that trained every epoch) and its selection metrics. Empty when the
 * suite sweeps nothing.
 *
 * @example
 * ```ts
 * formatSweepTable(records, suite); // 'Sweep: chosen on validation …\n  backprop: learningRate=1 (val exact 0.021, val bits 0.741)'
 * ```
 */
export function formatSweepTable(records: readonly RunRecord[], suite: Suite): string {
  const criteria = taskCriteria(reportTaskOf(records), selectionSplitOf(records));
  const sweeps = sweepResults(records, suite, criteria);
  if (sweeps.length === 0) return '';
  const width = extremes(sweeps.map((s) => s.configuration.length)).max;
  const lines = sweeps.map(({ configuration, chosen, ranked }) => {
    if (!chosen) return `  ${configuration.padEnd(width)}  no setting completed`;
    const metrics = criteria.ranking
      .map((m) => `${m.title.toLowerCase().replace('validation', 'val').replace(' accuracy', '')} ${chosen.summary.final.get(m.id)?.mean.toFixed(3) ?? '–'}`)
      .join(', ');
    const setting = Object.entries(chosen.setting)
      .map(([path, value]) => `${path}=${JSON.stringify(value)}`)
      .join(' ');
    return `  ${configuration.padEnd(width)}  ${setting}  (${metrics}; best of ${ranked.length})`;
  });
  return [`Sweep: each configuration's chosen setting, on the ${criteria.selection} split`, ...lines].join('\n');
}
