import { fitStages } from '@synthgrad/parallel';
import { writeTrainerFolder } from '@synthgrad/trainers/node';
import type { Container } from 'inversify';
import { createTrainer, DatasetRegistry, fit, saveTrainerState, TensorBackend, type Dataset, type DniOptions, type EpochRecord } from 'synthgrad';
import type { RunRecord } from '../RunRecord.js';
import type { ProgressMessage } from './ProgressMessage.js';
import type { RunSpec } from './RunSpec.js';
import { runRecord } from './runRecord.js';
import { threadsOfRun } from './threadsOfRun.js';
import { weightsFolderOf } from './weightsFolderOf.js';

/** Batch progress is reported at most this often (epoch ends always are). */
const BATCH_PROGRESS_MS = 250;

/** Datasets already loaded in this thread, by name and options: every run of a suite shares one. */
const datasets = new Map<string, Promise<Dataset>>();

/**
 * Trains one run and returns its record. Never throws for the run itself: an error while building or
 * training gives status `failed` with the message, keeping the epochs finished before it. With
 * `weightsFolder`, the trainer's final state is written to `weightsFolderOf(weightsFolder, spec)`
 * (also after divergence, to look at; not after an abort); failing to write it fails the run.
 * A `dni` run with `stages` (K > 1) trains each stage on a thread of its own (`fitStages`), its
 * containers loading `plugins`; a stage that fails fails the run, naming the stage.
 */
export async function trainRun(
  container: Container,
  spec: RunSpec,
  report: (message: ProgressMessage) => void = () => {},
  weightsFolder?: string,
  plugins: readonly string[] = [],
): Promise<RunRecord> {
  const { index } = spec;
  const history: EpochRecord[] = [];
  let started = performance.now();
  const record = (fields: Pick<RunRecord, 'status' | 'reason'>): RunRecord =>
    runRecord(spec, { ...fields, history, seconds: (performance.now() - started) / 1000 });
  try {
    const dataset = await loadDataset(container, spec.dataset);
    started = performance.now();
    report({ type: 'start', index });
    let lastBatchReport = 0;
    const fitOptions = {
      ...spec.training,
      seed: spec.seed,
      onBatchEnd: ({ epoch, batch, batches }: { epoch: number; batch: number; batches: number }) => {
        const now = performance.now();
        if (now - lastBatchReport < BATCH_PROGRESS_MS) return;
        lastBatchReport = now;
        report({ type: 'batch', index, epoch, batch, batches });
      },
      onEpochEnd: (epoch: EpochRecord) => {
        history.push(epoch);
        report({ type: 'epoch', index, epochsDone: history.length, test: epoch.test });
      },
    };
    const trainerSpec = { algorithm: spec.trainer, options: spec.options, network: spec.network, seed: spec.seed };
    const staged =
      threadsOfRun(spec) > 1
        ? await fitStages(container, dataset, { ...trainerSpec, algorithm: 'dni', options: spec.options as DniOptions }, { ...fitOptions, plugins, backend: spec.backend })
        : undefined;
    const trainer = staged?.trainer ?? createTrainer(container, dataset, trainerSpec);
    const result = staged ?? fit(trainer, dataset, container.get(TensorBackend), fitOptions);
    if (result.status === 'failed') return record({ status: 'failed', reason: result.reason ?? 'a stage failed' });
    if (result.status === 'aborted') return record({ status: 'failed', reason: result.reason ?? 'aborted' });
    if (weightsFolder !== undefined) {
      const metadata = { suite: spec.suite, configuration: spec.label, seed: spec.seed, epochs: history.length, status: result.status };
      await writeTrainerFolder(weightsFolderOf(weightsFolder, spec), saveTrainerState(trainer, metadata));
    }
    return record({ status: result.status, ...(result.reason ? { reason: result.reason } : {}) });
  } catch (error) {
    return record({ status: 'failed', reason: describeError(error) });
  }
}

function loadDataset(container: Container, { name, options }: RunSpec['dataset']): Promise<Dataset> {
  const key = JSON.stringify([name, options]);
  let dataset = datasets.get(key);
  if (dataset === undefined) {
    dataset = Promise.resolve(container.get(DatasetRegistry).get(name).load(options));
    datasets.set(key, dataset);
    dataset.catch(() => datasets.delete(key));
  }
  return dataset;
}

function describeError(error: unknown): string {
  if (error instanceof Error) return error.name && error.name !== 'Error' ? `${error.name}: ${error.message}` : error.message;
  return String(error);
}
