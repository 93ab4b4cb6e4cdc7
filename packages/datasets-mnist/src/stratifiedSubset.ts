import type { Rng } from '@synthgrad/tensor';

/**
 * Indices of `size` examples drawn without replacement so that each class keeps its share of
 * `labels`: class c gets ⌊size·n_c/N⌋ or one more (the largest remainders round up, ties to the
 * smaller class), drawn uniformly from that class with `rng`. The indices are ascending, i.e. in
 * the order of `labels`; `size = labels.length` gives 0 … N − 1 and draws nothing.
 *
 * @example
 * ```ts
 * stratifiedSubset(Uint8Array.of(0, 0, 0, 0, 1, 1, 2, 2, 2, 2), 5, new Rng(0)); // two 0s, one 1, two 2s
 * ```
 */
export function stratifiedSubset(labels: Uint8Array, size: number, rng: Rng): Int32Array {
  const total = labels.length;
  if (!Number.isInteger(size) || size < 0 || size > total) {
    throw new RangeError(`stratifiedSubset: size must be an integer from 0 to ${total}, got ${size}`);
  }
  if (size === total) return Int32Array.from({ length: total }, (_, i) => i);
  const byClass: number[][] = [];
  for (let i = 0; i < total; i++) (byClass[labels[i]] ??= []).push(i);
  const classes = byClass.flatMap((members, label) => (members ? [{ members, label }] : []));
  // Integer arithmetic (size·n_c ≤ 2^53 for any array that fits in memory) keeps the quotas exact.
  const quotas = classes.map(({ members, label }) => ({
    label,
    count: Math.floor((size * members.length) / total),
    remainder: (size * members.length) % total,
  }));
  let left = size - quotas.reduce((sum, q) => sum + q.count, 0);
  for (const q of [...quotas].sort((a, b) => b.remainder - a.remainder || a.label - b.label)) {
    if (left === 0) break;
    q.count++;
    left--;
  }
  const chosen = new Int32Array(size);
  let next = 0;
  classes.forEach(({ members }, k) => {
    const count = quotas[k].count;
    // A partial Fisher–Yates shuffle: the first `count` members become a uniform sample.
    for (let i = 0; i < count; i++) {
      const j = i + rng.int(members.length - i);
      const picked = members[j];
      members[j] = members[i];
      members[i] = picked;
      chosen[next++] = picked;
    }
  });
  return chosen.sort();
}
