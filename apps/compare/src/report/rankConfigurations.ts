import type { ConfigurationSummary } from './summariseConfiguration.js';
import type { TaskCriteria } from './taskCriteria.js';

/**
 * Best first: by the mean final value of each ranking metric in turn (higher wins), then by lower
 * mean final loss on the same split; a configuration with no final value (no completed run) goes after those
 * with one, and ties keep the suite's order.
 *
 * @example
 * ```ts
 * rankConfigurations(summaries, taskCriteria('binary-digits')).map((s) => s.label);
 * // ["cDNI (labels)", "backprop", "DNI"]
 * ```
 */
export function rankConfigurations(
  summaries: readonly ConfigurationSummary[],
  criteria: TaskCriteria,
): ConfigurationSummary[] {
  const keys = [
    ...criteria.ranking.map((metric) => ({ id: metric.id, sign: -1 })),
    { id: criteria.tieBreak.id, sign: 1 },
  ];
  return [...summaries].sort((a, b) => {
    for (const { id, sign } of keys) {
      const x = a.final.get(id)?.mean;
      const y = b.final.get(id)?.mean;
      if (x === y) continue;
      if (x === undefined) return 1;
      if (y === undefined) return -1;
      return sign * (x - y);
    }
    return 0;
  });
}
