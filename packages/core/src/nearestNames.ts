/**
 * The names in `known` closest to a mistyped `name`: those at the smallest edit distance
 * (Damerau–Levenshtein, optimal string alignment: an insertion, deletion, substitution or swap of two
 * neighbouring letters costs 1), if that distance is at most 2 and less than half of `name`'s length
 * (so that `"p"` suggests nothing). Letter case costs nothing. Sorted as in `known`; empty when none is near.
 *
 * @example
 * ```ts
 * nearestNames('lables', ['labels', 'layer-output', 'inputs']); // ['labels']
 * nearestNames('conv', ['dense', 'dropout']);                  // []
 * ```
 */
export function nearestNames(name: string, known: readonly string[]): string[] {
  const limit = Math.min(MAX_DISTANCE, Math.floor((name.length - 1) / 2));
  let best = limit + 1;
  let nearest: string[] = [];
  for (const candidate of new Set(known)) {
    if (candidate === name) continue;
    const distance = editDistance(name.toLowerCase(), candidate.toLowerCase(), best);
    if (distance < best) {
      best = distance;
      nearest = [candidate];
    } else if (distance === best) nearest.push(candidate);
  }
  return best <= limit ? nearest : [];
}

/**
 * `; did you mean "labels"?` (or `"a" or "b"`) for a mistyped `name`, from {@link nearestNames}; empty when
 * no known name is near. Error messages end with it.
 *
 * @example
 * ```ts
 * `unknown option "momemtum"${didYouMean('momemtum', ['momentum', 'epsilon'])}`; // 'unknown option "momemtum"; did you mean "momentum"?'
 * ```
 */
export function didYouMean(name: string, known: readonly string[]): string {
  const nearest = nearestNames(name, known);
  return nearest.length ? `; did you mean ${nearest.map((n) => `"${n}"`).join(' or ')}?` : '';
}

/** Suggestions further than this many edits away are more noise than help. */
const MAX_DISTANCE = 2;

/** Optimal string alignment distance of `a` and `b`; any value above `cap` comes back as `cap + 1` or more. */
function editDistance(a: string, b: string, cap: number): number {
  if (Math.abs(a.length - b.length) > cap) return cap + 1;
  let before: number[] = [];
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, before[j - 2] + 1);
      current.push(d);
      rowMin = Math.min(rowMin, d);
    }
    if (rowMin > cap) return cap + 1;
    before = previous;
    previous = current;
  }
  return previous[b.length];
}
