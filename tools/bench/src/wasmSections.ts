import { loadavg } from 'node:os';
import { runInNewContext } from 'node:vm';
import { setFlagsFromString } from 'node:v8';
import { CpuBackend, Rng, type TensorBackend } from '@synthgrad/tensor';
import { BlasBackend } from '@synthgrad/tensor-blas';
import { WasmBackend } from '@synthgrad/tensor-wasm';
import { binaryAdditionDataset, type BinaryAdditionDataset } from './binaryAdditionDataset.js';
import { isSkipped, type CaseResult } from './CaseResult.js';
import type { BenchOptions } from './cli.js';
import { formatNumber, formatRange, formatTable } from './formatTable.js';
import { benchMatmul, MATMUL_SHAPES, matmulKey, matmulLabel, type Rate } from './matmulCase.js';
import { benchMnistMlp } from './mnistCase.js';
import { MNIST_MLP, createMnistMlp, mnistMlpStep } from './mnistMlp.js';
import { runMnistNumpyReference, type MnistNumpyReference } from './mnistNumpyReference.js';
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
  /** Issue 11: the MNIST-shaped MLP on wasm, float64, at most this many times numpy's time. */
  mnistResidentOverNumpy: 1.5,
  /** Issue 11: the same on the blas backend. */
  mnistBlasOverNumpy: 1.1,
  /** Issue 11: the MNIST-shaped MLP on wasm, float32 end to end, at least this many times as fast as tfjs-wasm. */
  mnistFloat32OverTfjs: 2,
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
  const rounds = quick ? 1 : 2;
  // Each round runs the references and then, right after them, the wasm figures; a figure is the
  // best of its rounds' medians. On a shared machine the load moves a lot within one bench run:
  // back to back and best of rounds, every implementation gets the quietest minutes it met.
  console.log(
    `\n── wasm backend against tfjs-wasm and numpy: ${rounds} round${rounds > 1 ? 's' : ''} of references then wasm, ` +
      `best of the rounds' medians; load average now ${loadLine()}`,
  );
  const wasm = new WasmBackend({ resident: true });
  const wasmCopying = new WasmBackend();
  const blas = blasOrSkip();
  const wasm2 = new WasmBackend({ threads: 2 });
  void wasm2.whenThreadsStarted();
  const wasm32 = new WasmBackend({ precision: 'float32' });
  // float32 end to end: the step's matrices come from its `zeros`, resident float32 ones.
  const wasmF32 = new WasmBackend({ dtype: 'float32', resident: true });
  const cpu = new CpuBackend();
  const best = new Best();
  let tfjs: TfjsReference | undefined;
  let numpy: NumpyReference | undefined;
  let numpyMnist: MnistNumpyReference | undefined;
  for (let round = 0; round < rounds; round++) {
    const tfjsRun = runTfjsReference(quick);
    const numpyRun = runNumpyReference(quick, args.numpyThreads);
    const numpyMnistRun = runMnistNumpyReference(quick, args.numpyThreads);
    if (round === 0) {
      for (const run of [tfjsRun, numpyRun, numpyMnistRun] as CaseResult<unknown>[]) if (isSkipped(run)) console.log(run.skipped);
      if (!isSkipped(tfjsRun)) {
        const { version, simd, threads } = tfjsRun.value;
        console.log(
          `tfjs-wasm ${version} (float32, SIMD ${simd ? 'on' : 'off'}, ${threads} thread${threads === 1 ? '' : 's'}), ` +
            'in a child process, explicit transposes',
        );
      }
    }
    if (!isSkipped(tfjsRun)) {
      tfjs = tfjsRun.value;
      for (const batch of TUTORIAL_BATCHES) best.add(`tfjs/${batch}`, tfjs.tutorialMs[String(batch)]);
      best.add('tfjs/mnist', tfjs.mnistSecondsPer10k);
    }
    if (!isSkipped(numpyRun)) {
      numpy = numpyRun.value;
      best.add('numpy/10', numpy.batch10_ms);
      best.add('numpy/100', numpy.batch100_ms);
    }
    if (!isSkipped(numpyMnistRun)) {
      numpyMnist = numpyMnistRun.value;
      best.add('numpy/mnist/f64', numpyMnist.f64_s_per_10k);
      best.add('numpy/mnist/f32', numpyMnist.f32_s_per_10k);
    }
    const tutorialOptions = { warmup: quick ? 1 : 3, repetitions: quick ? 5 : 20, budgetMs: 8_000 };
    for (const [label, backend] of [['wasm', wasm], ['wasm f32', wasm32], ['wasm float32', wasmF32]] as const) {
      for (const batch of TUTORIAL_BATCHES) {
        best.add(`${label}/${batch}`, benchTutorial(rawOpsVariant, backend, dataset(), batch, SEED, tutorialOptions).median);
      }
    }
    const options = { warmup: quick ? 1 : 2, repetitions: quick ? 5 : 15, budgetMs: quick ? 4_000 : 10_000 };
    // The cpu backend is 5× slower and far from every target: one round is enough.
    const backends: [string, TensorBackend][] = [
      ...(round === 0 ? [['cpu', cpu] as [string, TensorBackend]] : []),
      ['wasm', wasm], ['wasm, copying', wasmCopying], ['wasm, 2 threads', wasm2], ['wasm, float32 matmul', wasm32],
      ['wasm float32 (resident)', wasmF32],
      ...(blas === undefined ? [] : [['blas', blas] as [string, TensorBackend]]),
    ];
    for (const [label, backend] of backends) best.add(`mnist/${label}`, benchMnistMlp(backend, SEED, options).median);
  }

  const f64 = best.get('numpy/mnist/f64');
  const tfjsMnist = best.get('tfjs/mnist');
  const ratio = (x: number | undefined, reference: number | undefined): string =>
    x === undefined || reference === undefined ? '—' : `${formatNumber(x / reference)}×`;
  const row = (label: string, dtype: string, value: number | undefined): string[] => [
    label, dtype, value === undefined ? '—' : formatNumber(value), ratio(value, f64), ratio(value, tfjsMnist),
  ];
  const numpyLabel = `numpy (OpenBLAS threads: ${numpyMnist?.blas_threads ?? '?'})`;
  const rows = [
    row('cpu', 'float64', best.get('mnist/cpu')),
    row('wasm (resident matrices, the default)', 'float64', best.get('mnist/wasm')),
    row('wasm, copying (resident: false)', 'float64', best.get('mnist/wasm, copying')),
    row('wasm, 2 threads', 'float64', best.get('mnist/wasm, 2 threads')),
    row('wasm, float32 matmul', 'f32 matmul', best.get('mnist/wasm, float32 matmul')),
    row('wasm float32 (resident)', 'float32', best.get('mnist/wasm float32 (resident)')),
    row('blas (OpenBLAS, 1 thread)', 'float64', best.get('mnist/blas')),
    row('tfjs-wasm', 'float32', tfjsMnist),
    row(numpyLabel, 'float64', f64),
    row(numpyLabel, 'float32', best.get('numpy/mnist/f32')),
  ];
  console.log(
    `\nMNIST-shaped MLP (${MNIST_MLP.sizes.join('→')}, ReLU, batch ${MNIST_MLP.batch}, random data), ` +
      's per 10,000 examples; lower is better',
  );
  console.log(formatTable(['implementation', 'dtype', 's/10k', '÷ numpy f64', '÷ tfjs-wasm'], rows, ['l', 'l']));

  printTutorialAgainstTfjs(best);
  printThreads(wasm, wasm2, numpy, quick);
  printMemory(quick);
  wasm2.dispose();

  console.log(`load average after the wasm sections: ${loadLine()}`);
  return wasmTargets(best);
}

/** The blas backend where OpenBLAS loads (its absence is reported by the backends' section). */
function blasOrSkip(): BlasBackend | undefined {
  try {
    return new BlasBackend();
  } catch {
    return undefined;
  }
}

/** The best (lowest) of each figure's values over the rounds. */
class Best {
  private readonly values = new Map<string, number>();

  add(key: string, value: number | undefined): void {
    if (value === undefined || !Number.isFinite(value)) return;
    const old = this.values.get(key);
    if (old === undefined || value < old) this.values.set(key, value);
  }

  get(key: string): number | undefined {
    return this.values.get(key);
  }
}

function loadLine(): string {
  return loadavg().map((l) => l.toFixed(2)).join(' ');
}

function printTutorialAgainstTfjs(best: Best): void {
  const cell = (x: number | undefined): string => (x === undefined ? '—' : formatNumber(x));
  const over = (x: number | undefined, y: number | undefined): string =>
    x === undefined || y === undefined ? '—' : `${formatNumber(x / y)}×`;
  const rows = TUTORIAL_BATCHES.map((batch) => {
    const wasm = best.get(`wasm/${batch}`);
    const wasm32 = best.get(`wasm f32/${batch}`);
    const float32 = best.get(`wasm float32/${batch}`);
    const tf = best.get(`tfjs/${batch}`);
    const np = best.get(`numpy/${batch}`);
    return [
      String(batch), cell(wasm), cell(wasm32), cell(float32), cell(tf), cell(np),
      over(wasm, tf), over(wasm32, tf), over(float32, tf), over(wasm, np),
    ];
  });
  console.log('\ntutorial workload (raw ops), ms per epoch: wasm beside tfjs-wasm (float32) and numpy (float64)');
  console.log(
    formatTable(
      ['batch', 'wasm', 'wasm, f32 matmul', 'wasm float32', 'tfjs-wasm', 'numpy', 'wasm ÷ tfjs', 'f32 matmul ÷ tfjs', 'float32 ÷ tfjs', 'wasm ÷ numpy'],
      rows,
    ),
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

/** Heap, wasm memory and resident blocks before and after training epochs on wasm: all must stay flat. */
function printMemory(quick: boolean): void {
  setFlagsFromString('--expose-gc');
  const gc = runInNewContext('gc') as () => void;
  const backend = new WasmBackend({ resident: true });
  const net = createMnistMlp(new Rng(SEED), undefined, backend); // resident matrices
  const stepsPerEpoch = Math.floor(MNIST_MLP.examples / MNIST_MLP.batch);
  let step = 0;
  const epoch = (): void => {
    for (let s = 0; s < stepsPerEpoch; s++) mnistMlpStep(backend, net, step++);
  };
  epoch();
  gc();
  const heapBefore = process.memoryUsage().heapUsed;
  const wasmBefore = backend.memoryBytes;
  const blocksBefore = backend.residentBlocks;
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
      `wasm memory ${mb(wasmBefore)} → ${mb(wasmAfter)}; resident blocks ${blocksBefore} → ${backend.residentBlocks}`,
  );
}

/** How many times as fast `ours` is as `theirs` (times: lower is faster). */
function speedup(ours: number | undefined, theirs: number | undefined): string {
  return ours === undefined || theirs === undefined ? 'not measured' : `${formatNumber(theirs / ours)}× as fast (${formatNumber(ours)} vs ${formatNumber(theirs)} s/10k)`;
}

function atLeast(ours: number | undefined, theirs: number | undefined, factor: number): boolean | undefined {
  return ours === undefined || theirs === undefined ? undefined : theirs / ours >= factor;
}

function wasmTargets(best: Best): TargetCheck[] {
  const faster = (name: string, ours: number | undefined, theirs: number | undefined, unit: string): TargetCheck => ({
    target: `wasm faster than tfjs-wasm: ${name}`,
    measured:
      ours === undefined || theirs === undefined
        ? 'not measured'
        : `${formatNumber(ours)} vs ${formatNumber(theirs)} ${unit} (${formatNumber(theirs / ours)}× as fast)`,
    met: ours === undefined || theirs === undefined ? undefined : ours < theirs,
  });
  const within = (name: string, ours: number | undefined, reference: number | undefined, bound: number): TargetCheck => ({
    target: `wasm ${name} within ${bound}× of numpy`,
    measured: ours === undefined || reference === undefined ? 'not measured' : `${(ours / reference).toFixed(2)}× numpy`,
    met: ours === undefined || reference === undefined ? undefined : ours / reference <= bound,
  });
  return [
    faster('tutorial batch 10', best.get('wasm/10'), best.get('tfjs/10'), 'ms/epoch'),
    faster('tutorial batch 100', best.get('wasm/100'), best.get('tfjs/100'), 'ms/epoch'),
    faster('MNIST-shaped MLP', best.get('mnist/wasm'), best.get('tfjs/mnist'), 's/10k'),
    within('MNIST-shaped MLP (float64)', best.get('mnist/wasm'), best.get('numpy/mnist/f64'), WASM_TARGETS.mnistOverNumpy),
    within('tutorial batch 10', best.get('wasm/10'), best.get('numpy/10'), WASM_TARGETS.tutorialBatch10OverNumpy),
    within('MNIST-shaped MLP (float64, resident)', best.get('mnist/wasm'), best.get('numpy/mnist/f64'), WASM_TARGETS.mnistResidentOverNumpy),
    {
      target: `wasm MNIST-shaped MLP (float32, resident) at least ${WASM_TARGETS.mnistFloat32OverTfjs}× as fast as tfjs-wasm`,
      measured: speedup(best.get('mnist/wasm float32 (resident)'), best.get('tfjs/mnist')),
      met: atLeast(best.get('mnist/wasm float32 (resident)'), best.get('tfjs/mnist'), WASM_TARGETS.mnistFloat32OverTfjs),
    },
    {
      ...within('', best.get('mnist/blas'), best.get('numpy/mnist/f64'), WASM_TARGETS.mnistBlasOverNumpy),
      target: `blas MNIST-shaped MLP (float64) within ${WASM_TARGETS.mnistBlasOverNumpy}× of numpy`,
    },
  ];
}
