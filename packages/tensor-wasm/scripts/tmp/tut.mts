import { Rng } from '@synthgrad/tensor';
import { WasmBackend } from '../../src/index.ts';
import { rawOpsVariant } from '../../../../tools/bench/src/rawOpsVariant.ts';
import { binaryAdditionDataset } from '../../../../tools/bench/src/binaryAdditionDataset.ts';
const batch = Number(process.argv[2] ?? 100);
const be = new WasmBackend();
const data = binaryAdditionDataset(new Rng(1), 1000, 12);
const times: number[] = [];
for (let rep = 0; rep < 40; rep++) {
  const w = rawOpsVariant.create(be, data, batch, new Rng(1));
  for (let e = 0; e < 23; e++) { const t0 = performance.now(); w.epoch(); times.push(performance.now() - t0); }
}
times.sort((a, b) => a - b);
console.log(`batch ${batch}: median ${times[times.length >> 1].toFixed(2)} ms/epoch`);
