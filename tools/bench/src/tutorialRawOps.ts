import { Matrix, zerosFor, type MatmulOptions, type Rng, type TensorBackend } from '@synthgrad/tensor';

/**
 * The tutorial's stack of sigmoid `Layer`s as bare matrices: the weights, and every buffer one
 * training step writes, allocated once for a fixed batch size. Index `i` is layer `i + 1`.
 */
export interface RawOpsNetwork {
  /** `sizes[i] × sizes[i+1]`. */
  readonly weights: readonly Matrix[];
  /** `self.output`: `batch × sizes[i+1]`. */
  readonly outputs: readonly Matrix[];
  /** The `output_delta` each layer's `backward` receives: `batch × sizes[i+1]`. */
  readonly outputDeltas: readonly Matrix[];
  /** `self.weight_output_delta`: `batch × sizes[i+1]`. */
  readonly weightOutputDeltas: readonly Matrix[];
  /** `input.T · weight_output_delta`: `sizes[i] × sizes[i+1]`. */
  readonly weightGradients: readonly Matrix[];
  /** What the first layer's `backward` returns; the tutorial computes and drops it, so do we. */
  readonly inputDelta: Matrix;
}

/**
 * Allocates a network of `sizes` (e.g. `[24, 128, 64, 12]`) for `batchSize` rows, weights drawn
 * as the tutorial's `randn * 0.2 - 0.1`; every matrix from `backend`'s
 * `zeros` when given (resident on wasm), else ordinary.
 */
export function createRawOpsNetwork(
  rng: Rng,
  sizes: readonly number[],
  batchSize: number,
  weightMean = -0.1,
  weightStd = 0.2,
  backend?: TensorBackend,
): RawOpsNetwork {
  const zeros = (rows: number, cols: number): Matrix =>
    backend === undefined ? new Matrix(rows, cols) : zerosFor(backend, rows, cols);
  const layers = sizes.length - 1;
  const perLayer = (shape: (i: number) => [number, number]): Matrix[] =>
    Array.from({ length: layers }, (_, i) => zeros(...shape(i)));
  const weights = perLayer((i) => [sizes[i], sizes[i + 1]]);
  for (const w of weights) rng.fillNormal(w, weightMean, weightStd);
  return {
    weights,
    outputs: perLayer((i) => [batchSize, sizes[i + 1]]),
    outputDeltas: perLayer((i) => [batchSize, sizes[i + 1]]),
    weightOutputDeltas: perLayer((i) => [batchSize, sizes[i + 1]]),
    weightGradients: perLayer((i) => [sizes[i], sizes[i + 1]]),
    inputDelta: zeros(batchSize, sizes[0]),
  };
}

const TRANSPOSE_A: MatmulOptions = { transposeA: true };
const TRANSPOSE_B: MatmulOptions = { transposeB: true };

/**
 * One step of the tutorial's training loop written directly on {@link TensorBackend} ops into the
 * network's preallocated buffers: forward, `delta = out − y`, backward through every layer with
 * the old weights, then `weights -= input.T · weight_output_delta · alpha` for every layer.
 * Allocates nothing. The baseline that any higher-level API running the same workload is
 * compared with.
 *
 * @example
 * ```ts
 * const net = createRawOpsNetwork(new Rng(1), [24, 128, 64, 12], 10);
 * tutorialRawOpsStep(new CpuBackend(), net, batchX, batchY, 0.1);
 * ```
 */
export function tutorialRawOpsStep(
  backend: TensorBackend,
  net: RawOpsNetwork,
  x: Matrix,
  y: Matrix,
  alpha: number,
): void {
  const { weights, outputs, outputDeltas, weightOutputDeltas, weightGradients } = net;
  const last = weights.length - 1;

  let input = x;
  for (let i = 0; i <= last; i++) {
    backend.matmul(input, weights[i], undefined, outputs[i]);
    backend.sigmoid(outputs[i], outputs[i]);
    input = outputs[i];
  }

  backend.sub(outputs[last], y, outputDeltas[last]);
  for (let i = last; i >= 0; i--) {
    backend.sigmoidBackward(outputDeltas[i], outputs[i], weightOutputDeltas[i]);
    const previous = i > 0 ? outputDeltas[i - 1] : net.inputDelta;
    backend.matmul(weightOutputDeltas[i], weights[i], TRANSPOSE_B, previous);
  }

  for (let i = 0; i <= last; i++) {
    const layerInput = i > 0 ? outputs[i - 1] : x;
    backend.matmul(layerInput, weightOutputDeltas[i], TRANSPOSE_A, weightGradients[i]);
    backend.addScaled(weights[i], weightGradients[i], -alpha, weights[i]);
  }
}
