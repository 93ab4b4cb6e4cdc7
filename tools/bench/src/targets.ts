/** A performance goal of the cpu backend and whether this run met it. */
export interface TargetCheck {
  readonly target: string;
  readonly measured: string;
  /** `undefined` when the figure it needs was not measured. */
  readonly met: boolean | undefined;
}

/** Minimum cpu GFLOP/s on the 256×256·256×256 product. */
export const MATMUL_256_TARGET_GFLOPS = 4;
/** Maximum cpu ms/epoch over numpy's for the tutorial at batch 10. */
export const TUTORIAL_BATCH10_TARGET_RATIO = 5;

/** Maximum ms/epoch of the tutorial through the trainers API over the raw-ops baseline. */
export const TRAINERS_API_TARGET_RATIO = 1.5;

export function checkTargets(
  cpuMatmul256Gflops: number | undefined,
  cpuBatch10Ms: number | undefined,
  numpyBatch10Ms: number | undefined,
  cpuTrainersApiBatch10Ms?: number,
): TargetCheck[] {
  const apiRatio =
    cpuTrainersApiBatch10Ms !== undefined && cpuBatch10Ms !== undefined ? cpuTrainersApiBatch10Ms / cpuBatch10Ms : undefined;
  const ratio =
    cpuBatch10Ms !== undefined && numpyBatch10Ms !== undefined ? cpuBatch10Ms / numpyBatch10Ms : undefined;
  return [
    {
      target: `cpu ≥ ${MATMUL_256_TARGET_GFLOPS} GFLOP/s on 256×256·256×256`,
      measured:
        cpuMatmul256Gflops === undefined
          ? 'not measured'
          : `${cpuMatmul256Gflops.toFixed(2)} GFLOP/s`,
      met: cpuMatmul256Gflops === undefined ? undefined : cpuMatmul256Gflops >= MATMUL_256_TARGET_GFLOPS,
    },
    {
      target: `tutorial batch 10 within ${TUTORIAL_BATCH10_TARGET_RATIO}× of numpy`,
      measured: ratio === undefined ? 'numpy not measured' : `${ratio.toFixed(2)}× numpy`,
      met: ratio === undefined ? undefined : ratio <= TUTORIAL_BATCH10_TARGET_RATIO,
    },
    {
      target: `trainers API (backprop) batch 10 within ${TRAINERS_API_TARGET_RATIO}× of raw ops`,
      measured: apiRatio === undefined ? 'not measured' : `${apiRatio.toFixed(2)}× raw ops`,
      met: apiRatio === undefined ? undefined : apiRatio <= TRAINERS_API_TARGET_RATIO,
    },
  ];
}
