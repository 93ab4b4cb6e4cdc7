// Run as a child process by tfjsReference.ts: the tutorial workload and the MNIST-shaped MLP on
// @tensorflow/tfjs-backend-wasm (float32 only), written the way that backend runs fastest: plain
// products after explicit transposes (its transposeA/B flags measured about 10× slower). Prints
// one JSON object ({@link TfjsReference}) on stdout.
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-wasm';
import { Matrix, Rng } from '@synthgrad/tensor';
import { batchViews } from './batchViews.js';
import { binaryAdditionDataset } from './binaryAdditionDataset.js';
import { measure, type MeasureOptions } from './measure.js';
import { createMnistMlp, MNIST_MLP } from './mnistMlp.js';
import { createRawOpsNetwork } from './tutorialRawOps.js';
import { TUTORIAL } from './tutorialConfig.js';

export interface TfjsReference {
  readonly version: string;
  readonly backend: string;
  readonly simd: boolean;
  readonly threads: number;
  /** ms per epoch by batch size (10, 100). */
  readonly tutorialMs: Readonly<Record<string, number>>;
  /** Seconds per 10,000 examples. */
  readonly mnistSecondsPer10k: number;
}

const SEED = 1;

function tensor(m: Matrix): tf.Tensor2D {
  return tf.tensor2d(Float32Array.from(m.data), [m.rows, m.cols], 'float32');
}

function tutorialEpochMs(batchSize: number, options: MeasureOptions): number {
  const data = binaryAdditionDataset(new Rng(SEED), TUTORIAL.examples, TUTORIAL.bits);
  const net = createRawOpsNetwork(new Rng(SEED), TUTORIAL.layerSizes, batchSize, TUTORIAL.weightMean, TUTORIAL.weightStd);
  const weights = net.weights.map((w) => tf.variable(tensor(w)));
  const xs = batchViews(data.x, batchSize).map(tensor);
  const ys = batchViews(data.y, batchSize).map(tensor);
  const alpha = tf.scalar(TUTORIAL.alpha);
  const one = tf.scalar(1);
  const step = (x: tf.Tensor2D, y: tf.Tensor2D): void =>
    tf.tidy(() => {
      const outputs: tf.Tensor2D[] = [];
      let input = x;
      for (const w of weights) {
        input = tf.sigmoid(tf.matMul(input, w)) as tf.Tensor2D;
        outputs.push(input);
      }
      let delta: tf.Tensor2D = tf.sub(outputs[2], y);
      const weightDeltas: tf.Tensor2D[] = [];
      for (let i = 2; i >= 0; i--) {
        const out = outputs[i];
        const wod = tf.mul(delta, tf.mul(out, tf.sub(one, out))) as tf.Tensor2D;
        weightDeltas[i] = wod;
        // The tutorial computes the first layer's input delta too (and drops it).
        delta = tf.matMul(wod, tf.transpose(weights[i]));
      }
      for (let i = 0; i < 3; i++) {
        const layerInput = i > 0 ? outputs[i - 1] : x;
        weights[i].assign(tf.sub(weights[i], tf.mul(tf.matMul(tf.transpose(layerInput), weightDeltas[i]), alpha)));
      }
    });
  const epoch = (): void => {
    for (let b = 0; b < xs.length; b++) step(xs[b], ys[b]);
    weights[0].dataSync();
  };
  const timing = measure(epoch, options);
  tf.dispose([...weights, ...xs, ...ys, alpha, one]);
  return timing.median;
}

function mnistSecondsPer10k(options: MeasureOptions): number {
  const net = createMnistMlp(new Rng(SEED));
  const weights = net.weights.map((w) => tf.variable(tensor(w)));
  const biases = net.biases.map((b) => tf.variable(tf.tensor1d(Float32Array.from(b.data), 'float32')));
  const xs = net.inputs.map(tensor);
  const ys = net.labels.map(tensor);
  const rate = tf.scalar(MNIST_MLP.learningRate);
  const step = (x: tf.Tensor2D, y: tf.Tensor2D): void =>
    tf.tidy(() => {
      const h1 = tf.relu(tf.add(tf.matMul(x, weights[0]), biases[0])) as tf.Tensor2D;
      const h2 = tf.relu(tf.add(tf.matMul(h1, weights[1]), biases[1])) as tf.Tensor2D;
      const out = tf.add(tf.matMul(h2, weights[2]), biases[2]) as tf.Tensor2D;
      const d3 = tf.sub(out, y) as tf.Tensor2D;
      const d2 = tf.mul(tf.matMul(d3, tf.transpose(weights[2])), tf.step(h2)) as tf.Tensor2D;
      const d1 = tf.mul(tf.matMul(d2, tf.transpose(weights[1])), tf.step(h1)) as tf.Tensor2D;
      const inputs = [x, h1, h2];
      const deltas = [d1, d2, d3];
      for (let i = 0; i < 3; i++) {
        weights[i].assign(tf.sub(weights[i], tf.mul(tf.matMul(tf.transpose(inputs[i]), deltas[i]), rate)));
        biases[i].assign(tf.sub(biases[i], tf.mul(tf.sum(deltas[i], 0), rate)));
      }
    });
  const steps = 10;
  const run = (): void => {
    for (let s = 0; s < steps; s++) step(xs[s % xs.length], ys[s % ys.length]);
    weights[0].dataSync();
  };
  const timing = measure(run, options);
  tf.dispose([...weights, ...biases, ...xs, ...ys, rate]);
  return (timing.median / 1000 / steps) * (MNIST_MLP.examples / MNIST_MLP.batch);
}

async function main(): Promise<void> {
  const quick = process.argv.includes('--quick');
  await tf.setBackend('wasm');
  await tf.ready();
  const options: MeasureOptions = { warmup: quick ? 1 : 3, repetitions: quick ? 5 : 15, budgetMs: quick ? 3_000 : 8_000 };
  const result: TfjsReference = {
    version: tf.version_core,
    backend: tf.getBackend(),
    simd: (await tf.env().getAsync('WASM_HAS_SIMD_SUPPORT')) as boolean,
    threads: (tf.backend() as unknown as { getThreadsCount?: () => number }).getThreadsCount?.() ?? 1,
    tutorialMs: { 10: tutorialEpochMs(10, options), 100: tutorialEpochMs(100, options) },
    mnistSecondsPer10k: mnistSecondsPer10k(options),
  };
  console.log(JSON.stringify(result));
}

await main();
