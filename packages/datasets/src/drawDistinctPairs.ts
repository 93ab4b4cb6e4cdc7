import type { Rng } from '@synthgrad/tensor';

/** `count` pairs (a[k], b[k]), all different, each number uniform in [0, range). */
export interface DistinctPairs {
  readonly a: Int32Array;
  readonly b: Int32Array;
}

/**
 * Draws `count` distinct pairs uniformly from [0, range)², without replacement. Sparse draws reject
 * repeats; dense ones (more than half of all pairs) take a prefix of a permutation of all pairs, whose
 * size is then below twice `count`. The caller checks `count ≤ range²`.
 */
export function drawDistinctPairs(count: number, range: number, rng: Rng): DistinctPairs {
  const total = range * range;
  if (count > total) throw new RangeError(`drawDistinctPairs: ${count} distinct pairs do not exist in [0, ${range})²`);
  const a = new Int32Array(count);
  const b = new Int32Array(count);
  if (2 * count <= total) {
    const seen = new Set<number>();
    for (let k = 0; k < count; ) {
      const x = rng.int(range);
      const y = rng.int(range);
      const key = x * range + y;
      if (seen.has(key)) continue;
      seen.add(key);
      a[k] = x;
      b[k] = y;
      k++;
    }
  } else {
    const keys = rng.permutation(total);
    for (let k = 0; k < count; k++) {
      a[k] = Math.floor(keys[k] / range);
      b[k] = keys[k] % range;
    }
  }
  return { a, b };
}
