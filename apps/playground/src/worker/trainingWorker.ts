import { ActivationRegistry, createSynthgradContainer, GeneratorInputRegistry, TensorBackend, TrainerAlgorithmRegistry } from 'synthgrad';
import { fetchMnistSubset } from '../mnist/fetchMnistSubset.js';
import { defaultState, stateProblems } from '../state/stateProperties.js';
import { loadTaskDataset, trainerUsesGenerators, TrainingSession } from './TrainingSession.js';
import type { FromWorker, ToWorker } from './WorkerMessages.js';

/** Training time per slice before the worker reports and reads its messages again. */
const SLICE_MS = 60;
/** At most this many steps between two reports, so the curves have points however fast the machine. */
const SLICE_STEPS = 200;

const container = createSynthgradContainer({ backend: 'wasm' });
const post = (message: FromWorker) => postMessage(message);
let session: TrainingSession | undefined;
let running = false;
let timer: ReturnType<typeof setTimeout> | undefined;

const entries = (plugins: readonly { name: string; description: string }[]) => plugins.map(({ name, description }) => ({ name, description }));

/** The plugins the form offers; whether each trainer trains generators is asked of it on a tiny sums task. */
async function postCatalog(): Promise<void> {
  const tiny = await loadTaskDataset(container, { ...defaultState(), bits: 2, trainSize: 1, testSize: 1 }, () => Promise.reject(new Error('not MNIST')));
  post({
    type: 'catalog',
    backend: container.get(TensorBackend).name,
    trainers: entries(container.get(TrainerAlgorithmRegistry).list()).map((entry) => ({ ...entry, usesGenerators: trainerUsesGenerators(container, tiny, entry.name) })),
    generatorInputs: entries(container.get(GeneratorInputRegistry).list()),
    activations: entries(container.get(ActivationRegistry).list()),
  });
}

function slice(): void {
  timer = undefined;
  if (!running || session === undefined) return;
  try {
    const end = performance.now() + SLICE_MS;
    for (let i = 0; i < SLICE_STEPS && performance.now() < end && !session.finished; i++) session.runStep();
    const report = session.report();
    if (report.finished || !Number.isFinite(report.stepLoss)) running = false;
    post({ type: 'report', report, running });
  } catch (error) {
    running = false;
    post({ type: 'error', message: messageOf(error) });
  }
  if (running) timer = setTimeout(slice, 0);
}

// Messages are handled one after another: a `play` sent right after `configure` waits for the
// dataset (MNIST is fetched) instead of finding no session.
let queue: Promise<void> = postCatalog().catch((error: unknown) => post({ type: 'error', message: messageOf(error) }));
onmessage = (event: MessageEvent<ToWorker>) => {
  queue = queue.then(() => handle(event.data));
};

async function handle(message: ToWorker): Promise<void> {
  try {
    if (message.type === 'configure') {
      running = false;
      session = undefined;
      const problems = stateProblems(message.state);
      if (problems.length) throw new Error(problems.join('; '));
      const dataset = await loadTaskDataset(container, message.state, fetchMnistSubset);
      session = new TrainingSession(container, message.state, dataset);
      post({ type: 'configured', usesGenerators: session.usesGenerators, first: session.report() });
    } else if (message.type === 'play') {
      running = session !== undefined && !session.finished;
      if (running && timer === undefined) timer = setTimeout(slice, 0);
    } else if (message.type === 'pause') {
      running = false;
      if (session) post({ type: 'report', report: session.report(), running });
    } else if (message.type === 'step' && session) {
      running = false;
      session.runStep();
      post({ type: 'report', report: session.report(), running });
    }
  } catch (error) {
    running = false;
    post({ type: 'error', message: messageOf(error) });
  }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
