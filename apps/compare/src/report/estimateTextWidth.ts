/** Advance widths in em, rounded, of the widest common fallback sans font (DejaVu Sans). */
const WIDTH_GROUPS: readonly (readonly [string, number])[] = [
  [" iljIJ.,:;|!'`·", 0.3],
  ['ftr()[]{}/\\-', 0.4],
  ['"sz', 0.53],
  ['c', 0.55],
  ['abdeghknopquvxy_', 0.62],
  ['0123456789$?', 0.64],
  ['EFLPSTY', 0.63],
  ['ABCDGHKNORUVXZ&', 0.73],
  ['=#+−<>~×', 0.84],
  ['mwMW%@…', 0.95],
];
const WIDTH = new Map(WIDTH_GROUPS.flatMap(([chars, em]) => [...chars].map((c) => [c, em] as const)));
const DEFAULT_EM = 0.62;
const BOLD = 1.08;

/**
 * Width in pixels of `text` set in a sans font of `fontSize` px, estimated from per-character
 * widths. Vega lays out (and truncates) text by such an estimate when it has no canvas to measure
 * with; its own guess of 0.8 em a character leaves wide gaps and cuts labels short.
 *
 * @example
 * ```ts
 * estimateTextWidth('backprop', 12); // 59
 * ```
 */
export function estimateTextWidth(text: string, fontSize: number, bold = false): number {
  let em = 0;
  for (const c of text) em += WIDTH.get(c) ?? DEFAULT_EM;
  return Math.ceil(em * fontSize * (bold ? BOLD : 1));
}
