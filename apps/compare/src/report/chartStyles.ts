/** Tableau 10: distinct hues that stay apart for colour-blind readers and in print. */
const TABLEAU_10 = ['#4e79a7', '#f28e2b', '#e15759', '#76b7b2', '#59a14f', '#edc948', '#b07aa1', '#ff9da7', '#9c755f', '#bab0ac'];
/** Line dash patterns (px on, px off), solid first: each set of ten configurations takes the next. */
const DASHES: readonly (readonly number[])[] = [[], [7, 3], [2, 2], [10, 3, 2, 3], [4, 4], [12, 2, 2, 2, 2, 2]];

/** How a configuration is drawn: the same in every chart, its legend and the summary table's swatch. */
export interface ChartStyles {
  readonly colours: ReadonlyMap<string, string>;
  /** Stroke dash pattern per configuration; `[]` is a solid line. */
  readonly dashes: ReadonlyMap<string, readonly number[]>;
}

/** Configurations that get a style of their own; past this, styles repeat. */
export const DISTINCT_STYLES = TABLEAU_10.length * DASHES.length;

/**
 * One colour and dash pattern per configuration, by position: the first ten are solid lines in ten
 * hues; the next ten repeat the hues dashed, and so on, so no two of up to {@link DISTINCT_STYLES}
 * configurations look alike.
 *
 * @example
 * ```ts
 * const { colours, dashes } = chartStyles(['backprop', 'DNI']);
 * colours.get('DNI'); // "#f28e2b"
 * dashes.get('DNI'); // [] (solid)
 * ```
 */
export function chartStyles(labels: readonly string[]): ChartStyles {
  return {
    colours: new Map(labels.map((label, i) => [label, TABLEAU_10[i % TABLEAU_10.length]])),
    dashes: new Map(labels.map((label, i) => [label, DASHES[Math.floor(i / TABLEAU_10.length) % DASHES.length]])),
  };
}
