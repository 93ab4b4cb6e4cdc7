import { loadavg } from 'node:os';
import { runInNewContext } from 'node:vm';
import { setFlagsFromString } from 'node:v8';
import { CpuBackend, Rng, type TensorBackend } from '@synthgrad/tensor';
import { WasmBackend } from '@synthgrad/tensor-wasm';
import { binaryAdditionDataset, type BinaryAdditionDataset } from './binaryAdditionDataset.js';
import { isSkipped, type CaseResult } from './CaseResult.js';
import type { BenchOptions } from './cli.js';
import { formatNumber, formatRange, formatTable } from './formatTable.js';
import { benchMatmul, MATMUL_SHAPES, matmulKey, matmulLabel, type Rate } from './matmulCase.js';
import { benchMnistMlp } from './mnistCase.js';
import { MNIST_MLP, createMnistMlp, mnistMlpStep } from './mnistMlp.js';
import { runMnistNumpyReference } from './mnistNumpyReference.js';
import { runNumpyReference, type NumpyReference } from './numpyReference.js';
import { rawOpsVariant } from './rawOpsVariant.js';
import type { TargetCheck } from './targets.js';
import { runTfjsReference, type TfjsReference } from './tfjsReference.js';
import { benchTutorial } from './tutorialCase.js';
import { TUTORIAL } from './tutorialConfig.js';

/** The wasm backend's goals (issue: WebAssembly SIMD backend). */
export const WASM_TARGETS = {
  /** MNIST-shaped MLP: at most this many times numpy float64's seconds per 10,000 examples. */
  mnistOverNumpy: 3,
  /** Tutorial at batch 10: at most this many times numpy's ms per epoch. */
  tutorialBatch10OverNumpy: 2,
} as const;

const SEED = 1;
const TUTORIAL_BATCHES = [10, 100] as const;

function dataset(): BinaryAdditionDataset {
  return binaryAdditionDataset(new Rng(SEED), TUTORIAL.examples, TUTORIAL.bits);
}

/**
 * The wasm backend's own sections: the MNIST-shaped MLP (cpu, wasm on one and two threads and
 * with float32 products, tfjs-wasm, numpy float64 and float32), the tutorial beside tfjs-wasm,
 * wasm matmul on one against two threads, and the memory of a long wasm run. Prints its tables; returns the wasm targets for the targets table.
 */
export function runWasmSections(args: BenchOptions): TargetCheck[] {
  const quick = args.quick;
  // The references run first and the wasm figures right after them, so that the ratios compare
  // minutes of the same load (on a shared machine the load moves a lot within one bench run).
  console.log(`\n── wasm backend against tfjs-wasm and numpy, timed back to back; load average now ${loadLine()}`);
  const tfjsRun = runTfjsReference(quick);
  const tfjs = isSkipped(tfjsRun) ? undefined : tfjsRun.value;
  const numpyRun = runNumpyReference(quick, args.numpyThreads);
  const numpy = isSkipped(numpyRun) ? undefined : numpyRun.value;
  const numpyMnistRun = runMnistNumpyReference(quick, args.numpyThreads);
  const numpyMnist = isSkipped(numpyMnistRun) ? undefined : numpyMnistRun.value;
  console.log(
    isSkipped(tfjsRun)
      ? tfjsRun.skipped
      : `tfjs-wasm ${tfjsRun.value.version} (float32, SIMD ${tfjsRun.value.simd ? 'on' : 'off'}, ` +
          `${tfjsRun.value.threads} thread${tfjsRun.value.threads === 1 ? '' : 's'}), in a child process, explicit transposes`,
  );
  if (isSkipped(numpyRun)) console.log(numpyRun.skipped);

  const wasm = new WasmBackend();
  const wasm2 = new WasmBackend({ threads: 2 });
  void wasm2.whenThreadsStarted();
  const wasm32 = new WasmBackend({ precision: 'float32' });
  const tutorialOptions = { warmup: quick ? 1 : 3, repetitions: quick ? 5 : 20, budgetMs: 8_000 };
  const tutorial = new Map<string, number>();
  for (const [label, backend] of [['wasm', wasm], ['wasm f32', wasm32]] as const) {
    for (const batch of TUTORIAL_BATCHES) {
      tutorial.set(`${label}/${batch}`, benchTutorial(rawOpsVariant, backend, dataset(), batch, SEED, tutorialOptions).median);
    }
  }
  const options = { warmup: quick ? 1 : 2, repetitions: quick ? 5 : 15, budgetMs: quick ? 4_000 : 10_000 };
  const backends: [string, TensorBackend][] = [
    ['cpu', new CpuBackend()], ['wasm', wasm], ['wasm, 2 threads', wasm2], ['wasm, float32 matmul', wasm32],
  ];
  const mnist = new Map<string, { median: number; min: number; max: number; samples: number }>();
  for (const [label, backend] of backends) mnist.set(label, benchMnistMlp(backend, SEED, options));

  const f64 = numpyMnist?.f64_s_per_10k;
  const tfjsMnist = tfjs?.mnistSecondsPer10k;
  const ratio = (x: number, reference: number | undefined): string =>
    reference === undefined ? '—' : `${formatNumber(x / reference)}×`;
  const rows = [...mnist].map(([label, t]) => [
    label, label.includes('float32') ? 'f32 matmul' : 'float64', formatNumber(t.median), formatRange(t.min, t.max), ratio(t.median, f64), ratio(t.median, tfjsMnist),
  ]);
  if (tfjsMnist !== undefined) rows.push(['tfjs-wasm', 'float32', formatNumber(tfjsMnist), '', ratio(tfjsMnist, f64), '1×']);
  if (numpyMnist !== undefined) {
    rows.push([`numpy (OpenBLAS threads: ${numpyMnist.blas_threads})`, 'float64', formatNumber(numpyMnist.f64_s_per_10k), '', '1×', ratio(numpyMnist.f64_s_per_10k, tfjsMnist)]);
    rows.push([`numpy (OpenBLAS threads: ${numpyMnist.blas_threads})`, 'float32', formatNumber(numpyMnist.f32_s_per_10k), '', ratio(numpyMnist.f32_s_per_10k, f64), ratio(numpyMnist.f32_s_per_10k, tfjsMnist)]);
  }
  console.log(
    `\nMNIST-shaped MLP (${MNIST_MLP.sizes.join('→')}, ReLU, batch ${MNIST_MLP.batch}, random data), ` +
      's per 10,000 examples; lower is better',
  );
  console.log(formatTable(['implementation', 'dtype', 's/10k', '[min–max]', '÷ numpy f64', '÷ tfjs-wasm'], rows, ['l', 'l']));
  if (isSkipped(numpyMnistRun)) console.log(numpyMnistRun.skipped);

  printTutorialAgainstTfjs(tutorial, tfjs, numpy);
  printThreads(wasm, wasm2, numpy, quick);
  printMemory(quick);
  wasm2.dispose();

  console.log(`load average after the wasm sections: ${loadLine()}`);
  return wasmTargets(tutorial, tfjs, numpy, mnist.get('wasm')?.median, f64, tfjsMnist);
}

function loadLine(): string {
  return loadavg().map((l) => l.toFixed(2)).join(' ');
}

function printTutorialAgainstTfjs(
  tutorial: ReadonlyMap<string, number>,
  tfjs: TfjsReference | undefined,
  numpy: NumpyReference | undefined,
): void {
  const rows = TUTORIAL_BATCHES.map((batch) => {
    const wasm = tutorial.get(`wasm/${batch}`);
    const wasm32 = tutorial.get(`wasm f32/${batch}`);
    const tf = tfjs?.tutorialMs[String(batch)];
    const np = batch === 10 ? numpy?.batch10_ms : numpy?.batch100_ms;
    const cell = (x: number | undefined): string => (x === undefined ? '—' : formatNumber(x));
    const over = (x: number | undefined, y: number | undefined): string =>
      x === undefined || y === undefined ? '—' : `${formatNumber(x / y)}×`;
    return [String(batch), cell(wasm), cell(wasm32), cell(tf), cell(np), over(wasm, tf), over(wasm32, tf), over(wasm, np)];
  });
  console.log('\ntutorial workload (raw ops), ms per epoch: wasm beside tfjs-wasm (float32) and numpy (float64)');
  console.log(
    formatTable(['batch', 'wasm', 'wasm, f32 matmul', 'tfjs-wasm', 'numpy', 'wasm ÷ tfjs', 'f32 ÷ tfjs', 'wasm ÷ numpy'], rows),
  );
}

function printThreads(wasm: WasmBackend, wasm2: WasmBackend, numpy: NumpyReference | undefined, quick: boolean): void {
  const options = { warmup: 3, repetitions: quick ? 5 : 15, minSampleMs: 20, budgetMs: 10_000 };
  const rng = new Rng(SEED);
  const rows = MATMUL_SHAPES.map((shape) => {
    const one = benchMatmul(wasm, shape, rng, options);
    const two = benchMatmul(wasm2, shape, rng, options);
    const cell = (r: CaseResult<Rate>): string =>
      isSkipped(r) ? r.skipped : `${formatNumber(r.value.median)} ${formatRange(r.value.min, r.value.max)}`;
    const speedup = isSkipped(one) || isSkipped(two) ? '—' : `${formatNumber(two.value.median / one.value.median)}×`;
    const reference = numpy?.matmul_gflops[matmulKey(shape)];
    return [matmulLabel(shape), cell(one), cell(two), speedup, reference === undefined ? '—' : formatNumber(reference)];
  });
  console.log(
    `\nwasm matmul on 1 and 2 threads, GFLOP/s (products below ${formatNumber(4)} MFLOP stay on one thread; ` +
      `${wasm2.readyWorkers} worker ready)`,
  );
  console.log(formatTable(['product', 'wasm', 'wasm, 2 threads', 'speed-up', 'numpy'], rows, ['l']));
}

/** Heap and wasm memory before and after training epochs on the wasm backend: both must stay flat. */
function printMemory(quick: boolean): void {
  setFlagsFromString('--expose-gc');
  const gc = runInNewContext('gc') as () => void;
  const backend = new WasmBackend();
  const net = createMnistMlp(new Rng(SEED));
  const stepsPerEpoch = Math.floor(MNIST_MLP.examples / MNIST_MLP.batch);
  let step = 0;
  const epoch = (): void => {
    for (let s = 0; s < stepsPerEpoch; s++) mnistMlpStep(backend, net, step++);
  };
  epoch();
  gc();
  const heapBefore = process.memoryUsage().heapUsed;
  const wasmBefore = backend.memoryBytes;
  const epochs = quick ? 3 : 10;
  for (let e = 0; e < epochs; e++) epoch();
  gc();
  const heapAfter = process.memoryUsage().heapUsed;
  const wasmAfter = backend.memoryBytes;
  const mb = (bytes: number): string => `${(bytes / 2 ** 20).toFixed(2)} MiB`;
  console.log(
    `\nwasm memory over ${epochs} MNIST-shaped epochs (${epochs * stepsPerEpoch} steps, after one warm-up epoch, ` +
      `gc before each reading): JS heap used ${mb(heapBefore)} → ${mb(heapAfter)} ` +
      `(${heapAfter >= heapBefore ? '+' : '−'}${mb(Math.abs(heapAfter - heapBefore))}); ` +
      `wasm memory ${mb(wasmBefore)} → ${mb(wasmAfter)}`,
  );
}

function wasmTargets(
  tutorial: ReadonlyMap<string, number>,
  tfjs: TfjsReference | undefined,
  numpy: NumpyReference | undefined,
  wasmMnist: number | undefined,
  numpyMnist: number | undefined,
  tfjsMnist: number | undefined,
): TargetCheck[] {
  const wasmTutorial = (batch: number): number | undefined => tutorial.get(`wasm/${batch}`);
  const faster = (name: string, ours: number | undefined, theirs: number | undefined, unit: string): TargetCheck => ({
    target: `wasm faster than tfjs-wasm: ${name}`,
    measured:
      ours === undefined || theirs === undefined
        ? 'not measured'
        : `${formatNumber(ours)} vs ${formatNumber(theirs)} ${unit} (${formatNumber(theirs / ours)}× faster)`,
    met: ours === undefined || theirs === undefined ? undefined : ours < theirs,
  });
  const within = (name: string, ours: number | undefined, reference: number | undefined, bound: number): TargetCheck => ({
    target: `wasm ${name} within ${bound}× of numpy`,
    measured: ours === undefined || reference === undefined ? 'not measured' : `${(ours / reference).toFixed(2)}× numpy`,
    met: ours === undefined || reference === undefined ? undefined : ours / reference <= bound,
  });
  return [
    faster('tutorial batch 10', wasmTutorial(10), tfjs?.tutorialMs['10'], 'ms/epoch'),
    faster('tutorial batch 100', wasmTutorial(100), tfjs?.tutorialMs['100'], 'ms/epoch'),
    faster('MNIST-shaped MLP', wasmMnist, tfjsMnist, 's/10k'),
    within('MNIST-shaped MLP (float64)', wasmMnist, numpyMnist, WASM_TARGETS.mnistOverNumpy),
    within('tutorial batch 10', wasmTutorial(10), numpy?.batch10_ms, WASM_TARGETS.tutorialBatch10OverNumpy),
  ];
}
