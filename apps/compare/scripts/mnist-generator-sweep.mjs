#!/usr/bin/env node
// Writes the generator sweeps behind paper-mnist.json's generator rates as suites of their own: the
// paper-mnist network at 3 or 6 hidden layers on a 10,000-image subset, 3 epochs, seed 1, with
// backprop and DNI / cDNI at each generator optimiser, rate and generator hidden size.
//   node scripts/mnist-generator-sweep.mjs 3 /tmp/gen-sweep-3.json   # optimiser (adam, sgd) × rate
//   node scripts/mnist-generator-sweep.mjs 6 /tmp/gen-sweep-6.json   # adam rate, and one hidden layer of 256
//   node bin/synthgrad.mjs compare /tmp/gen-sweep-3.json
// See suites/README.md for the numbers they gave.
import { writeFileSync } from 'node:fs';

const [depth, out] = process.argv.slice(2);
if (!['3', '6'].includes(depth) || !out) throw new Error('usage: node scripts/mnist-generator-sweep.mjs <3|6> <output.json>');

const INPUTS = { DNI: 'layer-output', cDNI: ['layer-output', 'labels'] };
/** [method, optimiser, rate, generator hidden sizes] */
const CELLS = {
  3: ['DNI', 'cDNI'].flatMap((method) => [
    ...[1e-5, 1e-4, 1e-3].map((rate) => [method, 'adam', rate, []]),
    ...[1e-3, 1e-2].map((rate) => [method, 'sgd', rate, []]),
  ]),
  6: [
    ...[3e-5, 1e-4, 3e-4].map((rate) => ['DNI', 'adam', rate, []]),
    ['DNI', 'adam', 1e-4, [256]],
    ...[3e-6, 1e-5, 3e-5].map((rate) => ['cDNI', 'adam', rate, []]),
    ['cDNI', 'adam', 1e-5, [256]],
  ],
}[depth];

const hidden = { units: 256, activation: 'relu', batchNorm: true };
const sweep = {
  name: `mnist-generator-sweep-${depth}`,
  description: `Generator sweep for paper-mnist.json: ${depth} hidden layers, 10,000 / 2,000 images, 3 epochs, seed 1`,
  dataset: { name: 'mnist', options: { trainSize: 10000, testSize: 2000, seed: 1 } },
  network: {
    layers: [...Array.from({ length: Number(depth) }, () => hidden), { units: 10, activation: 'identity' }],
    loss: 'softmax-cross-entropy',
    initialiser: 'he-normal',
    optimiser: 'adam',
    learningRate: 0.001,
  },
  training: { epochs: 3, batchSize: 128, shuffle: true, measureGradients: true },
  seeds: [1],
  runs: [
    { label: 'backprop', trainer: 'backprop' },
    ...CELLS.map(([method, optimiser, rate, sizes]) => ({
      label: `${method} ${optimiser} ${rate}${sizes.length ? ` hidden ${sizes.join('×')}` : ''}`,
      trainer: 'dni',
      options: {
        generatorInput: INPUTS[method],
        generatorOptimiser: optimiser,
        generatorLearningRate: rate,
        ...(sizes.length ? { generatorHiddenSizes: sizes } : {}),
      },
    })),
  ],
};
writeFileSync(out, `${JSON.stringify(sweep, null, 2)}\n`);
console.log(`${sweep.runs.length} configurations written to ${out}`);
