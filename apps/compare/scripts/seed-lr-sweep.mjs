#!/usr/bin/env node
// Writes the learning-rate sweep behind suites/seed.json's rates as a suite of its own: every
// configuration of seed.json with each layers' rate, and (DNI) each generator rate, one seed.
//   node scripts/seed-lr-sweep.mjs /tmp/seed-lr-sweep.json
//   node bin/synthgrad.mjs compare /tmp/seed-lr-sweep.json --epochs 50
// See suites/README.md for the numbers it gave.
import { readFileSync, writeFileSync } from 'node:fs';

const LAYER_RATES = [0.05, 0.1, 0.3];
const GENERATOR_RATES = [0.0003, 0.001, 0.003, 0.01];

const [out] = process.argv.slice(2);
if (!out) throw new Error('usage: node scripts/seed-lr-sweep.mjs <output.json>');
const seed = JSON.parse(readFileSync(new URL('../suites/seed.json', import.meta.url), 'utf8'));

const runs = seed.runs.flatMap((run) =>
  LAYER_RATES.flatMap((lr) =>
    run.trainer === 'backprop'
      ? [{ ...run, label: `${run.label} lr=${lr}`, network: { ...run.network, learningRate: lr } }]
      : GENERATOR_RATES.map((glr) => ({
          ...run,
          label: `${run.label} lr=${lr} glr=${glr}`,
          network: { ...run.network, learningRate: lr },
          options: { ...run.options, generatorLearningRate: glr },
        })),
  ),
);
const sweep = {
  ...seed,
  name: 'seed-lr-sweep',
  description: `Learning-rate sweep for seed.json: layers ${LAYER_RATES.join(', ')} × generators ${GENERATOR_RATES.join(', ')}`,
  seeds: [1],
  runs,
};
writeFileSync(out, `${JSON.stringify(sweep, null, 2)}\n`);
console.log(`${runs.length} configurations written to ${out}`);
