import { Matrix, zerosFor, type MatmulOptions, type Rng, type TensorBackend } from '@synthgrad/tensor';

/**
 * The MNIST-shaped MLP of the bench: 784 → 256 → 256 → 10, ReLU hidden layers, a linear output,
 * delta `out − y`, biases, plain SGD, batch 128, on random data (the timing does not depend on the
 * values). The same network as tools/reference/mnist_mlp_bench.py and the tfjs workload.
 */
export const MNIST_MLP = {
  sizes: [784, 256, 256, 10],
  batch: 128,
  /** Figures are seconds per this many training examples. */
  examples: 10_000,
  learningRate: 1e-3,
  weightStd: 0.05,
} as const;

/** Weights, biases and every buffer of one training step, allocated once. Index i is layer i + 1. */
export interface MnistMlpNetwork {
  readonly weights: readonly Matrix[];
  readonly biases: readonly Matrix[];
  /** Layer outputs (after ReLU for the hidden layers): batch × sizes[i+1]. */
  readonly outputs: readonly Matrix[];
  /** dLoss/d(pre-activation) of each layer: batch × sizes[i+1]. */
  readonly deltas: readonly Matrix[];
  readonly weightGradients: readonly Matrix[];
  readonly biasGradients: readonly Matrix[];
  /** A few batches of random inputs and one-hot labels, used in turn. */
  readonly inputs: readonly Matrix[];
  readonly labels: readonly Matrix[];
}

/**
 * The network's matrices, from `backend`'s `zeros` when given (resident in wasm memory on the wasm
 * backend, as the layers' are), else ordinary ones. Values depend on `rng` only.
 */
export function createMnistMlp(rng: Rng, batches = 4, backend?: TensorBackend): MnistMlpNetwork {
  const { sizes, batch, weightStd } = MNIST_MLP;
  const zeros = (rows: number, cols: number): Matrix =>
    backend === undefined ? new Matrix(rows, cols) : zerosFor(backend, rows, cols);
  const layers = [0, 1, 2];
  const weights = layers.map((i) => rng.fillNormal(zeros(sizes[i], sizes[i + 1]), 0, weightStd));
  const labels = Array.from({ length: batches }, () => {
    const y = zeros(batch, sizes[3]);
    for (let r = 0; r < batch; r++) y.set(r, rng.int(sizes[3]), 1);
    return y;
  });
  return {
    weights,
    biases: layers.map((i) => zeros(1, sizes[i + 1])),
    outputs: layers.map((i) => zeros(batch, sizes[i + 1])),
    deltas: layers.map((i) => zeros(batch, sizes[i + 1])),
    weightGradients: layers.map((i) => zeros(sizes[i], sizes[i + 1])),
    biasGradients: layers.map((i) => zeros(1, sizes[i + 1])),
    inputs: Array.from({ length: batches }, () => rng.fillUniform(zeros(batch, sizes[0]), 0, 1)),
    labels,
  };
}

const TRANSPOSE_A: MatmulOptions = { transposeA: true };
const TRANSPOSE_B: MatmulOptions = { transposeB: true };

/** One SGD step on batch `step % batches`, on {@link TensorBackend} ops only; allocates nothing. */
export function mnistMlpStep(backend: TensorBackend, net: MnistMlpNetwork, step: number): void {
  const { weights, biases, outputs, deltas, weightGradients, biasGradients } = net;
  const x = net.inputs[step % net.inputs.length];
  const y = net.labels[step % net.labels.length];
  const last = weights.length - 1;
  let input = x;
  for (let i = 0; i <= last; i++) {
    backend.matmul(input, weights[i], undefined, outputs[i]);
    backend.addRowVector(outputs[i], biases[i], outputs[i]);
    if (i < last) backend.relu(outputs[i], outputs[i]);
    input = outputs[i];
  }
  backend.sub(outputs[last], y, deltas[last]);
  for (let i = last; i > 0; i--) {
    backend.matmul(deltas[i], weights[i], TRANSPOSE_B, deltas[i - 1]);
    backend.reluBackward(deltas[i - 1], outputs[i - 1], deltas[i - 1]);
  }
  const rate = -MNIST_MLP.learningRate;
  for (let i = 0; i <= last; i++) {
    backend.matmul(i > 0 ? outputs[i - 1] : x, deltas[i], TRANSPOSE_A, weightGradients[i]);
    backend.sumColumns(deltas[i], biasGradients[i]);
    backend.addScaled(weights[i], weightGradients[i], rate, weights[i]);
    backend.addScaled(biases[i], biasGradients[i], rate, biases[i]);
  }
}
