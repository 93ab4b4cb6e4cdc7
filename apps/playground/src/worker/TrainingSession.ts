import {
  createTrainer,
  DatasetRegistry,
  decodeBits,
  evaluate,
  FitSession,
  Matrix,
  TensorBackend,
  trainOnThisThread,
  type Dataset,
  type EvaluationMetrics,
  type FitStatus,
  type GradientAlignment,
  type TrainerAlgorithm,
} from 'synthgrad';
import type { Container } from 'inversify';
import { networkOf } from '../state/toSuite.js';
import { PlaygroundLimits } from '../state/PlaygroundLimits.js';
import type { PlaygroundState } from '../state/stateProperties.js';

/** What the page draws after some steps. */
export interface SessionReport {
  readonly step: number;
  readonly epoch: number;
  /** Mean loss of the steps since the previous report. */
  readonly stepLoss: number;
  readonly train: EvaluationMetrics;
  readonly test: EvaluationMetrics;
  readonly alignment?: readonly GradientAlignment[];
  /** Binary addition: a few held-out sums with the network's answer bit by bit. */
  readonly sums: readonly { a: number; b: number; expected: string; answer: string }[];
  /** MNIST: a few held-out images (grey levels 0–255, row by row) with their label and the network's answer. */
  readonly digits: readonly { pixels: Uint8Array; label: number; answer: number }[];
  readonly finished: boolean;
  /** How the run ended, once {@link finished}: every epoch trained (`completed`), or why not. */
  readonly ended?: { readonly status: FitStatus; readonly reason?: string };
}

const MEASUREMENT_ROWS = 100;
const SHOWN_SUMS = 4;
const SHOWN_DIGITS = 8;

/** The dataset of the state's task; MNIST is the shipped subset, read with `readMnist`. */
export async function loadTaskDataset(container: Container, state: PlaygroundState, readMnist: () => Promise<Dataset>): Promise<Dataset> {
  if (state.task === 'mnist') return readMnist();
  const { bits, trainSize, testSize, seed } = state;
  return (await container.get(DatasetRegistry).get('binary-addition').load({ bits, trainSize, testSize, seed })) as Dataset;
}

/**
 * One run, one step at a time: the trainers' own epoch loop (`FitSession`, `fit`'s seeded shuffle
 * and batches), so a run here and `synthgrad compare` on the exported suite agree.
 */
export class TrainingSession {
  readonly usesGenerators: boolean;
  private readonly trainer: TrainerAlgorithm;
  private readonly backend: TensorBackend;
  private readonly fit: FitSession;
  private readonly measurement: { inputs: Matrix; labels: Matrix };
  private lossSum = 0;
  private lossCount = 0;

  /** `dataset`: the state's task, from {@link loadTaskDataset}. */
  constructor(
    container: Container,
    readonly state: PlaygroundState,
    private readonly dataset: Dataset,
  ) {
    this.backend = container.get(TensorBackend);
    const generatorInput = state.generatorInput.length === 1 ? state.generatorInput[0] : state.generatorInput;
    this.usesGenerators = trainerUsesGenerators(container, this.dataset, state.trainer);
    this.trainer = createTrainer(
      container,
      this.dataset,
      {
        algorithm: state.trainer,
        options: this.usesGenerators ? { generatorInput, generatorLearningRate: state.generatorLearningRate } : undefined,
        network: networkOf(state),
        seed: state.seed,
      },
      { memoryBudget: PlaygroundLimits.memoryBudget },
    );
    const n = this.dataset.train.inputs.rows;
    const first = Int32Array.from({ length: Math.min(n, MEASUREMENT_ROWS) }, (_, i) => i);
    this.measurement = {
      inputs: this.backend.gatherRows(this.dataset.train.inputs, first),
      labels: this.backend.gatherRows(this.dataset.train.labels, first),
    };
    this.fit = new FitSession(trainOnThisThread(this.trainer, this.backend), this.dataset, this.backend, {
      epochs: state.epochs,
      batchSize: state.batchSize,
      seed: state.seed,
    });
  }

  get batchesPerEpoch(): number {
    return Math.ceil(this.dataset.train.inputs.rows / this.state.batchSize);
  }

  /** Every epoch trained, or the run diverged. */
  get finished(): boolean {
    return this.fit.finished;
  }

  /** Runs one step (one batch); returns its loss (NaN once finished). */
  runStep(): number {
    if (this.finished) return Number.NaN;
    const loss = this.fit.runStep();
    this.lossSum += loss;
    this.lossCount++;
    return loss;
  }

  /** Metrics of both splits now (evaluation never changes the weights). */
  report(): SessionReport {
    const test = this.dataset.test;
    const mnist = this.state.task === 'mnist';
    const shown = Math.min(mnist ? SHOWN_DIGITS : SHOWN_SUMS, test.inputs.rows);
    const outputs = this.trainer.predict(new Matrix(shown, test.inputs.cols, test.inputs.data.subarray(0, shown * test.inputs.cols)));
    const bits = this.state.bits;
    const sums = mnist
      ? []
      : Array.from({ length: shown }, (_, r) => {
          const input = test.inputs.row(r);
          return {
            a: decodeBits(input.subarray(0, bits)),
            b: decodeBits(input.subarray(bits)),
            expected: Array.from(test.labels.row(r), (v) => (v > 0.5 ? '1' : '0')).join(''),
            answer: Array.from(outputs.row(r), (v) => (v > 0.5 ? '1' : '0')).join(''),
          };
        });
    const digits = mnist
      ? Array.from({ length: shown }, (_, r) => ({
          pixels: Uint8Array.from(test.inputs.row(r), (v) => Math.round(v * 255)),
          label: argmax(test.labels.row(r)),
          answer: argmax(outputs.row(r)),
        }))
      : [];
    const stepLoss = this.lossCount ? this.lossSum / this.lossCount : Number.NaN;
    this.lossSum = 0;
    this.lossCount = 0;
    return {
      step: this.fit.step,
      epoch: this.fit.step / this.batchesPerEpoch,
      stepLoss,
      train: evaluate(this.trainer, this.dataset.train, this.dataset.task, this.backend),
      test: evaluate(this.trainer, test, this.dataset.task, this.backend),
      ...(this.trainer.measureGradients ? { alignment: this.trainer.measureGradients(this.measurement) } : {}),
      sums,
      digits,
      finished: this.finished,
      ...(this.fit.result ? { ended: { status: this.fit.result.status, ...(this.fit.result.reason ? { reason: this.fit.result.reason } : {}) } } : {}),
    };
  }
}

function argmax(values: ArrayLike<number>): number {
  let best = 0;
  for (let i = 1; i < values.length; i++) if (values[i] > values[best]) best = i;
  return best;
}

/**
 * Whether a trainer takes generator options (DNI-like): asked of the plugin itself, so trainers
 * other packages add are classified without a list here.
 */
export function trainerUsesGenerators(container: Container, dataset: Dataset, trainer: string): boolean {
  try {
    createTrainer(container, dataset, {
      algorithm: trainer,
      options: { generatorInput: 'labels' },
      network: { layers: [{ units: 2 }, { units: dataset.labelSize }] },
    });
    return true;
  } catch {
    return false;
  }
}
