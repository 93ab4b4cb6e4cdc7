import { writeTrainerFolder } from '@synthgrad/trainers/node';
import type { Container } from 'inversify';
import { createTrainer, DatasetRegistry, fit, saveTrainerState, TensorBackend, type Dataset, type EpochRecord } from 'synthgrad';
import type { RunRecord } from '../RunRecord.js';
import type { ProgressMessage } from './ProgressMessage.js';
import type { RunSpec } from './RunSpec.js';
import { runRecord } from './runRecord.js';
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
 */
export async function trainRun(
  container: Container,
  spec: RunSpec,
  report: (message: ProgressMessage) => void = () => {},
  weightsFolder?: string,
): Promise<RunRecord> {
  const { index } = spec;
  const history: EpochRecord[] = [];
  let started = performance.now();
  const record = (fields: Pick<RunRecord, 'status' | 'reason' | 'stopped'>): RunRecord =>
    runRecord(spec, { ...fields, history, seconds: (performance.now() - started) / 1000 });
  try {
    const dataset = await loadDataset(container, spec.dataset);
    started = performance.now();
    report({ type: 'start', index });
    const trainer = createTrainer(container, dataset, {
      algorithm: spec.trainer,
      options: spec.options,
      network: spec.network,
      seed: spec.seed,
    });
    let lastBatchReport = 0;
    const result = fit(trainer, dataset, container.get(TensorBackend), {
      ...spec.training,
      seed: spec.seed,
      onBatchEnd: ({ epoch, batch, batches }) => {
        const now = performance.now();
        if (now - lastBatchReport < BATCH_PROGRESS_MS) return;
        lastBatchReport = now;
        report({ type: 'batch', index, epoch, batch, batches });
      },
      onEpochEnd: (epoch) => {
        history.push(epoch);
        report({ type: 'epoch', index, epochsDone: history.length, test: epoch.test });
      },
    });
    if (result.status === 'aborted') return record({ status: 'failed', reason: result.reason ?? 'aborted' });
    if (weightsFolder !== undefined) {
      const metadata = { suite: spec.suite, configuration: spec.label, seed: spec.seed, epochs: history.length, status: result.status };
      await writeTrainerFolder(weightsFolderOf(weightsFolder, spec), saveTrainerState(trainer, metadata));
    }
    return record({ status: result.status, ...(result.reason ? { reason: result.reason } : {}), ...(result.stopped ? { stopped: result.stopped } : {}) });
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
