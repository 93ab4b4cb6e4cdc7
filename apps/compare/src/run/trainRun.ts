import { fitStages } from '@synthgrad/parallel';
import { readTrainerFolder, writeTrainerFolder } from '@synthgrad/trainers/node';
import type { Container } from 'inversify';
import { synthgradVersion } from 'synthgrad/node';
import {
  createTrainer,
  DatasetRegistry,
  describeModel,
  fit,
  loadTrainerState,
  saveModelState,
  TensorBackend,
  type Dataset,
  type DniOptions,
  type EpochRecord,
  type FitPosition,
  type FitResult,
  type SavedTrainer,
  type TrainerAlgorithm,
} from 'synthgrad';
import type { RunRecord } from '../RunRecord.js';
import type { ProgressMessage } from './ProgressMessage.js';
import type { RunSpec } from './RunSpec.js';
import { runRecord } from './runRecord.js';
import { assertOwnFolders } from './assertOwnFolders.js';
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
 * (also after divergence, to look at; not after an abort), with the fit's position in its metadata;
 * failing to write it fails the run. With `spec.resume`, the run goes on from the state kept in
 * `weightsFolderOf(resumeFolder, spec)` at the end of `spec.resume.history`, exactly as the
 * uninterrupted run would (a state that does not match that history fails the run; a run on stages
 * with `updateProbability` < 1 cannot resume exactly yet and trains from its start). A `dni` run
 * with `stages` (K > 1) trains each stage on a thread of its own (`fitStages`, the same epoch loop:
 * `stopWhen`, records from 1 and resuming alike), its containers loading `plugins`; a stage that
 * fails fails the run, naming the stage.
 */
export async function trainRun(
  container: Container,
  spec: RunSpec,
  report: (message: ProgressMessage) => void = () => {},
  weightsFolder?: string,
  plugins: readonly string[] = [],
  resumeFolder?: string,
): Promise<RunRecord> {
  const { index } = spec;
  const onStages = threadsOfRun(spec) > 1;
  // Random update schedules on stages cannot resume exactly yet (fitStages refuses): such a run trains from its start.
  const resume = onStages && ((spec.options as DniOptions).updateProbability ?? 1) < 1 ? undefined : spec.resume;
  const history: EpochRecord[] = [...(resume?.history ?? [])];
  let started = performance.now();
  const record = (fields: Pick<RunRecord, 'status' | 'reason' | 'stopped'>): RunRecord =>
    runRecord(spec, { ...fields, history, seconds: (resume?.seconds ?? 0) + (performance.now() - started) / 1000 });
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
        report({ type: 'epoch', index, epochsDone: history.length, test: epoch.test, record: epoch });
      },
    };
    const trainerSpec = { algorithm: spec.trainer, options: spec.options, network: spec.network, seed: spec.seed };
    const saved = resume ? await resumeState(spec, resumeFolder) : undefined;
    const resuming = saved && resume ? { resume: saved.position, resumeHistory: resume.history } : {};
    let trainer: TrainerAlgorithm;
    let result: FitResult;
    if (onStages) {
      const stagedSpec = { ...trainerSpec, algorithm: 'dni' as const, options: spec.options as DniOptions };
      const staged = await fitStages(container, dataset, stagedSpec, {
        ...fitOptions,
        ...resuming,
        ...(saved ? { startFrom: saved.state } : {}),
        plugins,
        backend: spec.backend,
        ...(spec.dtype ? { dtype: spec.dtype } : {}),
      });
      ({ trainer } = staged);
      result = staged;
    } else {
      trainer = createTrainer(container, dataset, trainerSpec);
      if (saved) loadTrainerState(trainer, saved.state);
      result = fit(trainer, dataset, container.get(TensorBackend), { ...fitOptions, ...resuming });
    }
    const { stopped, position: endPosition } = result;
    if (result.status === 'failed') return record({ status: 'failed', reason: result.reason ?? 'a stage failed' });
    if (result.status === 'aborted') return record({ status: 'failed', reason: result.reason ?? 'aborted' });
    if (weightsFolder !== undefined) {
      const metadata = {
        suite: spec.suite,
        configuration: spec.label,
        seed: spec.seed,
        epochs: history.length,
        status: result.status,
        ...(endPosition ? { position: endPosition } : {}),
      };
      await assertOwnFolders(weightsFolder, weightsFolderOf(weightsFolder, spec));
      // The trainer's spec goes with its weights: `loadModel(folder)` and `synthgrad predict` need nothing else.
      const model = describeModel(trainerSpec, dataset, container.get(TensorBackend), synthgradVersion);
      await writeTrainerFolder(weightsFolderOf(weightsFolder, spec), saveModelState(trainer, model, metadata));
    }
    return record({ status: result.status, ...(result.reason ? { reason: result.reason } : {}), ...(stopped ? { stopped } : {}) });
  } catch (error) {
    return record({ status: 'failed', reason: describeError(error) });
  }
}

/** Reads the state a run's earlier part wrote, after checking it ended where `spec.resume.history` does. */
async function resumeState(spec: RunSpec, resumeFolder: string | undefined): Promise<{ state: SavedTrainer; position: FitPosition }> {
  if (resumeFolder === undefined) throw new Error('resume: no folder holds the states of the runs to resume');
  const folder = weightsFolderOf(resumeFolder, spec);
  await assertOwnFolders(resumeFolder, folder);
  const state = await readTrainerFolder(folder);
  const position = state.manifest.metadata?.position as FitPosition | undefined;
  const epochs = spec.resume?.history.length;
  if (position === undefined || position.epoch !== epochs || !Number.isInteger(position.step)) {
    throw new Error(`resume: the state in ${folder} ends at epoch ${String(position?.epoch)}, but the run's record at epoch ${String(epochs)}`);
  }
  return { state, position };
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
