/**
 * The configuration every other is compared against, seed by seed: `chosen` when given (it must be
 * one of `labels`), else one labelled `backprop` (any case), else the first whose trainer is
 * backprop; `undefined` when none is. A chosen label that is not one throws a RangeError naming them.
 *
 * @example
 * ```ts
 * chooseBaseline(['DNI', 'Backprop'], () => 'dni'); // "Backprop"
 * ```
 */
export function chooseBaseline(labels: readonly string[], trainerOf: (label: string) => string | undefined, chosen?: string): string | undefined {
  if (chosen !== undefined) {
    if (labels.includes(chosen)) return chosen;
    throw new RangeError(`baseline "${chosen}" is not a configuration of these results (configurations: ${labels.map((l) => `"${l}"`).join(', ')})`);
  }
  return labels.find((label) => label.toLowerCase() === 'backprop') ?? labels.find((label) => trainerOf(label) === 'backprop');
}
