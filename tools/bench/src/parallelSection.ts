import { StagePipeline } from '@synthgrad/parallel';
import { createSynthgradContainer, createTrainer, Matrix, Rng, splitStages, TensorBackend, type Dataset, type LockStepDniTrainer, type TrainerSpec } from 'synthgrad';
import { formatTable } from './formatTable.js';
import { quantile } from './measure.js';
import type { TargetCheck } from './targets.js';
import { measureTransports } from './transportCase.js';

/** The MNIST-shaped deep MLP of this section: 784 → 6 × 1024 (ReLU) → 10, softmax cross-entropy, SGD, batch 128. */
export const DEEP_MLP = {
  hidden: 6,
  units: 1024,
  batch: 128,
  stages: 2,
} as const;

/** 2-stage DNI must reach this many times sequential DNI's examples/s. */
export const STAGES_OVER_SEQUENTIAL_TARGET = 1.7;

const network = {
  layers: [
    ...Array.from({ length: DEEP_MLP.hidden }, () => ({ units: DEEP_MLP.units, activation: 'relu' })),
    { units: 10, activation: 'identity' },
  ],
  loss: 'softmax-cross-entropy',
  initialiser: 'he-normal',
  optimiser: 'sgd',
  learningRate: 1e-3,
};
/** cDNI as the paper-mnist suite runs it: linear generators that see the layer's output and the labels. */
const cdni = { generatorInput: ['layer-output', 'labels'], generatorLearningRate: 1e-4 };

function randomData(rng: Rng, rows: number): Dataset {
  const inputs = rng.fillUniform(new Matrix(rows, 784), 0, 1);
  const labels = new Matrix(rows, 10);
  for (let r = 0; r < rows; r++) labels.set(r, rng.int(10), 1);
  const split = { inputs, labels };
  return { name: 'mnist-shaped random', task: 'classification', inputSize: 784, labelSize: 10, train: split, test: split };
}

interface Variant {
  readonly name: string;
  /** Seconds to train `steps` batches (the stages drained at the end). */
  run(steps: number): Promise<number>;
  close?(): Promise<void>;
}

export interface ParallelSectionResult {
  readonly table: string;
  readonly transportTable: string;
  readonly checks: TargetCheck[];
}

/**
 * Examples/s of sequential backprop, sequential cDNI and 2-stage cDNI (lock-step and async) on a
 * deep MLP, measured round-robin in one run (medians; ratios of medians), plus the two transports
 * a stage queue could use.
 */
export async function runParallelSection(quick: boolean): Promise<ParallelSectionResult> {
  const container = createSynthgradContainer();
  const backend = container.get(TensorBackend);
  const rng = new Rng(7);
  const data = randomData(rng, DEEP_MLP.batch * 4);
  const batches = [0, 1, 2, 3].map((b) => {
    const indices = Int32Array.from({ length: DEEP_MLP.batch }, (_, i) => b * DEEP_MLP.batch + i);
    return { inputs: backend.gatherRows(data.train.inputs, indices), labels: backend.gatherRows(data.train.labels, indices) };
  });

  const sequential = (name: string, spec: TrainerSpec): Variant => {
    const trainer = createTrainer(container, data, spec);
    return {
      name,
      run: async (steps) => {
        const start = performance.now();
        for (let s = 0; s < steps; s++) trainer.step(batches[s % 4], { epoch: 0, step: s });
        return (performance.now() - start) / 1000;
      },
    };
  };
  const staged = async (schedule: 'lock-step' | 'async'): Promise<Variant> => {
    const spec: TrainerSpec<'dni'> = { algorithm: 'dni', network, options: { ...cdni, stages: DEEP_MLP.stages }, seed: 1 };
    const layers = (createTrainer(container, data, spec) as LockStepDniTrainer).decoupled.map((d) => d.layer);
    const pipeline = await StagePipeline.start({
      spec,
      dataset: data,
      layers,
      split: splitStages(layers, DEEP_MLP.stages),
      backend: backend.name,
      schedule,
      maxRows: DEEP_MLP.batch,
    });
    let next = 0; // batch ids run from 0 in each pipeline
    return {
      name: `cDNI, ${DEEP_MLP.stages} stages on threads, ${schedule}`,
      run: async (steps) => {
        const start = performance.now();
        for (let s = 0; s < steps; s++) {
          const batch = batches[s % 4];
          const id = next++;
          await pipeline.push(id, DEEP_MLP.batch, { epoch: 0, step: id }, (inputs, labels) => {
            inputs.data.set(batch.inputs.data);
            labels.data.set(batch.labels.data);
          });
        }
        await pipeline.drain(false);
        return (performance.now() - start) / 1000;
      },
      close: () => pipeline.close(),
    };
  };

  const variants: Variant[] = [
    sequential('backprop, 1 thread', { algorithm: 'backprop', network, seed: 1 }),
    sequential('cDNI, 1 thread', { algorithm: 'dni', network, options: cdni, seed: 1 }),
    await staged('lock-step'),
    await staged('async'),
  ];
  const steps = quick ? 6 : 12;
  const rounds = quick ? 3 : 5;
  const rates = variants.map(() => [] as number[]);
  // CPU seconds of the whole process (every thread) per wall second: how many cores a variant got.
  const cores = variants.map(() => [] as number[]);
  try {
    for (const v of variants) await v.run(2); // warm-up: JIT, first allocations, threads' first steps
    for (let r = 0; r < rounds; r++) {
      for (const [i, v] of variants.entries()) {
        const cpu = process.cpuUsage();
        const seconds = await v.run(steps);
        const used = process.cpuUsage(cpu);
        rates[i].push((steps * DEEP_MLP.batch) / seconds);
        cores[i].push((used.user + used.system) / 1e6 / seconds);
      }
    }
  } finally {
    for (const v of variants) await v.close?.();
  }
  const medians = rates.map((r) => quantile([...r].sort((a, b) => a - b), 0.5));
  const [backprop, dni, lockStep, free] = medians;
  const table = formatTable(
    ['variant', 'examples/s (median)', '[min–max]', '÷ cDNI 1 thread', '÷ backprop', 'cores used (median)'],
    variants.map((v, i) => [
      v.name,
      medians[i].toFixed(0),
      `${Math.min(...rates[i]).toFixed(0)}–${Math.max(...rates[i]).toFixed(0)}`,
      (medians[i] / dni).toFixed(2),
      (medians[i] / backprop).toFixed(2),
      quantile([...cores[i]].sort((a, b) => a - b), 0.5).toFixed(2),
    ]),
    ['l'],
  );

  const floats = DEEP_MLP.batch * DEEP_MLP.units;
  const transports = await measureTransports(floats, quick ? 50 : 200, quick ? 5 : 9);
  const shared = quantile([...transports.shared].sort((a, b) => a - b), 0.5);
  const port = quantile([...transports.port].sort((a, b) => a - b), 0.5);
  const transportTable = formatTable(
    ['transport', 'µs per round trip (median)', '÷ shared memory'],
    [
      ['SharedArrayBuffer slot + Atomics.wait/notify', (shared * 1000).toFixed(1), '1.00'],
      ['MessagePort, ArrayBuffer transferred', (port * 1000).toFixed(1), (port / shared).toFixed(2)],
    ],
    ['l'],
  );

  const best = Math.max(lockStep, free);
  const checks: TargetCheck[] = [
    {
      target: `${DEEP_MLP.stages}-stage cDNI ≥ ${STAGES_OVER_SEQUENTIAL_TARGET}× sequential cDNI (examples/s)`,
      measured: `lock-step ${(lockStep / dni).toFixed(2)}×, async ${(free / dni).toFixed(2)}×`,
      met: best / dni >= STAGES_OVER_SEQUENTIAL_TARGET,
    },
    {
      target: `${DEEP_MLP.stages}-stage cDNI faster than sequential backprop`,
      measured: `lock-step ${(lockStep / backprop).toFixed(2)}×, async ${(free / backprop).toFixed(2)}× backprop`,
      met: best > backprop,
    },
  ];
  return { table, transportTable, checks };
}
