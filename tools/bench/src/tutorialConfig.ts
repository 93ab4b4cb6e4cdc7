/**
 * The tutorial's binary-addition setup (iamtrask, "Deep Learning without Backpropagation", Part 4),
 * the same numbers as tools/reference/binary_addition_bench.py.
 */
export const TUTORIAL = {
  examples: 1000,
  bits: 12,
  /** 24 → 128 → 64 → 12, sigmoid after every layer. */
  layerSizes: [24, 128, 64, 12],
  alpha: 0.1,
  /** `randn * 0.2 - 0.1`: a normal with mean −0.1 and standard deviation 0.2. */
  weightMean: -0.1,
  weightStd: 0.2,
} as const;
