import { hashToState, stateToHash } from './state/urlState.js';
import { defaultState, type PlaygroundState } from './state/stateProperties.js';
import { toSuite } from './state/toSuite.js';
import { MetricChart } from './ui/MetricChart.js';
import { renderNetwork, renderSums } from './ui/renderRun.js';
import { renderSettings, type Catalog } from './ui/settingsForm.js';
import type { FromWorker, ToWorker } from './worker/WorkerMessages.js';
import type { SessionReport } from './worker/TrainingSession.js';
import './style.css';

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const status = $<HTMLOutputElement>('status');
const errorLine = $('error');
const worker = new Worker(new URL('./worker/trainingWorker.ts', import.meta.url), { type: 'module' });
const send = (message: ToWorker) => worker.postMessage(message);

let state: PlaygroundState;
try {
  state = hashToState(location.hash);
} catch (error) {
  errorLine.textContent = `${(error as Error).message}; using the defaults`;
  state = defaultState();
}
let usesGenerators = true;
let charts: { accuracy: MetricChart; loss: MetricChart; alignment: MetricChart } | undefined;

function makeCharts(): void {
  const parent = $('charts');
  parent.innerHTML = '';
  charts = {
    accuracy: new MetricChart(parent, 'bit accuracy', ['train', 'test']),
    loss: new MetricChart(parent, 'loss', ['steps', 'train', 'test']),
    alignment: new MetricChart(parent, 'cosine(synthetic, true gradient)', state.hidden.map((_, i) => `layer ${i + 1}`)),
  };
}

function show(report: SessionReport, running: boolean): void {
  charts!.accuracy.push(report.step, [report.train.bitAccuracy, report.test.bitAccuracy]);
  charts!.loss.push(report.step, [report.stepLoss, report.train.loss, report.test.loss]);
  if (report.alignment) charts!.alignment.push(report.step, report.alignment.map((a) => a.cosine));
  status.dataset.step = String(report.step);
  status.dataset.running = String(running);
  status.dataset.testBitAccuracy = String(report.test.bitAccuracy ?? '');
  status.textContent = `step ${report.step} (epoch ${report.epoch.toFixed(2)}): test bits ${pct(report.test.bitAccuracy)}, exact sums ${pct(report.test.exactAccuracy)}${running ? '' : ' — paused'}`;
  renderNetwork($('network'), state, usesGenerators, report);
  renderSums($('sums'), report);
}

const pct = (value: number | undefined) => (value === undefined ? '–' : `${(100 * value).toFixed(1)}%`);

function configure(next: PlaygroundState): void {
  state = next;
  history.replaceState(null, '', stateToHash(state));
  errorLine.textContent = '';
  makeCharts();
  send({ type: 'configure', state });
}

worker.onmessage = (event: MessageEvent<FromWorker>) => {
  const message = event.data;
  if (message.type === 'catalog') {
    const catalog: Catalog = message;
    document.body.dataset.backend = message.backend;
    renderSettings($<HTMLFormElement>('settings'), state, catalog, configure);
    configure(state);
  } else if (message.type === 'configured') {
    usesGenerators = message.usesGenerators;
    $('generator-inputs').toggleAttribute('disabled', !usesGenerators);
    const blob = new Blob([JSON.stringify(toSuite(state, usesGenerators), null, 2)], { type: 'application/json' });
    $<HTMLAnchorElement>('export').href = URL.createObjectURL(blob);
    show(message.first, false);
    status.dataset.ready = 'true';
  } else if (message.type === 'report') {
    show(message.report, message.running);
  } else {
    status.dataset.running = 'false';
    errorLine.textContent = message.message;
  }
};

$('play').onclick = () => send({ type: 'play' });
$('pause').onclick = () => send({ type: 'pause' });
$('step').onclick = () => send({ type: 'step' });
$('reset').onclick = () => configure(state);
window.addEventListener('hashchange', () => {
  try {
    configure(hashToState(location.hash));
  } catch (error) {
    errorLine.textContent = (error as Error).message;
  }
});
