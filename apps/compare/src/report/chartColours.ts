/** Tableau 10: distinct hues that stay apart for colour-blind readers and in print. */
const TABLEAU_10 = ['#4e79a7', '#f28e2b', '#e15759', '#76b7b2', '#59a14f', '#edc948', '#b07aa1', '#ff9da7', '#9c755f', '#bab0ac'];
/** Tableau 20, for suites with more than ten configurations. */
const TABLEAU_20 = [
  '#4e79a7', '#a0cbe8', '#f28e2b', '#ffbe7d', '#59a14f', '#8cd17d', '#b6992d', '#f1ce63', '#499894', '#86bcb6',
  '#e15759', '#ff9d9a', '#79706e', '#bab0ac', '#d37295', '#fabfd2', '#b07aa1', '#d4a6c8', '#9d7660', '#d7b5a6',
];

/**
 * One colour per configuration, by position, so a configuration keeps its colour in every chart
 * and in the table (repeating after 20).
 *
 * @example
 * ```ts
 * chartColours(['backprop', 'DNI']).get('DNI'); // "#f28e2b"
 * ```
 */
export function chartColours(labels: readonly string[]): Map<string, string> {
  const palette = labels.length <= TABLEAU_10.length ? TABLEAU_10 : TABLEAU_20;
  return new Map(labels.map((label, i) => [label, palette[i % palette.length]]));
}
