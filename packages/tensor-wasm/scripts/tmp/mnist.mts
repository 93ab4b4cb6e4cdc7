import { Rng } from '@synthgrad/tensor';
import { WasmBackend } from '../../src/index.ts';
import { createMnistMlp, mnistMlpStep } from '../../../../tools/bench/src/mnistMlp.ts';
const be = new WasmBackend();
const net = createMnistMlp(new Rng(1));
let step = 0;
const t0 = performance.now();
while (performance.now() - t0 < 8000) for (let i = 0; i < 10; i++) mnistMlpStep(be, net, step++);
console.log(`${((performance.now() - t0) / step / 1000 * 10000 / 128).toFixed(3)} s/10k`);
