import { defaultState, MAX_RUNS, type RaceState } from './state/stateProperties.js';
import { raceToSuite } from './state/toSuite.js';
import { raceToHash, readRaceHash } from './state/urlState.js';
import { RaceChart } from './ui/RaceChart.js';
import { RunPanel } from './ui/RunPanel.js';
import type { SessionReport } from './worker/TrainingSession.js';
import './style.css';

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const noticeList = $('notices');
const runsSection = $('runs');
const chartsSection = $('charts');
const exportLink = $<HTMLAnchorElement>('export');

const charts = {
  accuracy: new RaceChart(chartsSection, {
    title: 'accuracy (bits of sums, or MNIST images)',
    y: 'accuracy (fraction right)',
    note: 'train: the training split; test: the held-out split, never trained on.',
  }),
  loss: new RaceChart(chartsSection, {
    title: 'loss',
    y: 'loss',
    note: 'steps: the mean loss of the batches trained since the previous point; train, test: the loss over each whole split.',
  }),
  alignment: new RaceChart(chartsSection, {
    title: 'cosine(synthetic, true gradient)',
    y: 'cosine similarity',
    note: "Per hidden layer: how closely its generator's synthetic gradient points along the true one (1: the same direction, 0: unrelated). Backprop has no generators.",
  }),
};
const panels: RunPanel[] = [];
let exportUrl: string | undefined;

/** The race of the address bar; what the link got wrong is listed on the page, and the rest of it kept. */
function readRace(): RaceState {
  const { race, notices } = readRaceHash(location.hash);
  noticeList.replaceChildren(
    ...notices.map((notice) => {
      const item = document.createElement('li');
      item.textContent = notice;
      return item;
    }),
  );
  return race;
}

const events = {
  onState: () => saveRace(),
  onConfigured(panel: RunPanel) {
    const index = panels.indexOf(panel);
    const { name, colour } = panel;
    charts.accuracy.setRun(index, { name, colour, series: ['train', 'test'] });
    charts.loss.setRun(index, { name, colour, series: ['steps', 'train', 'test'] });
    charts.alignment.setRun(index, { name, colour, series: panel.usesGenerators ? panel.state.hidden.map((_, i) => `layer ${i + 1}`) : [] });
    updateExport();
  },
  onReport(panel: RunPanel, report: SessionReport) {
    const index = panels.indexOf(panel);
    const accuracy = (split: SessionReport['train']) => (panel.state.task === 'mnist' ? split.accuracy : split.bitAccuracy);
    charts.accuracy.push(index, report.step, [accuracy(report.train), accuracy(report.test)]);
    charts.loss.push(index, report.step, [report.stepLoss, report.train.loss, report.test.loss]);
    if (report.alignment) charts.alignment.push(index, report.step, report.alignment.map((a) => a.cosine));
  },
  onRemove(panel: RunPanel) {
    const index = panels.indexOf(panel);
    panels.splice(index, 1);
    panel.terminate();
    for (const chart of Object.values(charts)) chart.removeRun(index);
    // The runs after it move up one: they keep their points, under their new names and colours.
    panels.forEach((p, i) => {
      p.setIndex(i);
      for (const chart of Object.values(charts)) chart.relabel(i, p.name, p.colour);
    });
    afterRunsChanged();
  },
};

function addRun(state = panels.at(-1)?.state ?? defaultState()): void {
  panels.push(new RunPanel(runsSection, panels.length, structuredClone(state), events));
  afterRunsChanged();
}

function afterRunsChanged(): void {
  panels.forEach((panel) => panel.setRemovable(panels.length > 1));
  $<HTMLButtonElement>('add-run').disabled = panels.length >= MAX_RUNS;
  document.body.dataset.runs = String(panels.length);
  saveRace();
}

function saveRace(): void {
  history.replaceState(null, '', raceToHash({ runs: panels.map((panel) => panel.state) }));
  updateExport();
}

/** One suite for the race when its runs share data and seed; otherwise the link says why and each run exports alone. */
function updateExport(): void {
  if (exportUrl) URL.revokeObjectURL(exportUrl);
  exportUrl = undefined;
  try {
    const failed = panels.filter((panel) => panel.failed).map((panel) => panel.name);
    if (failed.length) throw new Error(`${failed.join(', ')}: the settings do not build (see the run's message)`);
    const suite = raceToSuite(panels.map(({ state, usesGenerators }) => ({ state, usesGenerators })));
    exportUrl = URL.createObjectURL(new Blob([JSON.stringify(suite, null, 2)], { type: 'application/json' }));
    exportLink.href = exportUrl;
    exportLink.removeAttribute('aria-disabled');
    exportLink.title = `a suite of ${panels.length} run(s) for synthgrad compare`;
  } catch (error) {
    exportLink.removeAttribute('href');
    exportLink.setAttribute('aria-disabled', 'true');
    exportLink.title = (error as Error).message;
  }
}

function load(race: RaceState): void {
  for (const panel of panels.splice(0)) panel.terminate();
  for (const chart of Object.values(charts)) chart.clear();
  race.runs.forEach((state) => addRun(state));
}

$('play').onclick = () => panels.forEach((panel) => panel.play());
$('pause').onclick = () => panels.forEach((panel) => panel.pause());
$('step').onclick = () => panels.forEach((panel) => panel.step());
$('reset').onclick = () => panels.forEach((panel) => panel.reset());
$('add-run').onclick = () => addRun();
window.addEventListener('hashchange', () => {
  const race = readRace();
  if (race.runs.length === panels.length) {
    race.runs.forEach((state, i) => panels[i].configure(state));
    saveRace();
  } else load(race);
});

load(readRace());
