import type { PlaygroundState } from '../state/stateProperties.js';
import { toSuite } from '../state/toSuite.js';
import type { SessionReport } from '../worker/TrainingSession.js';
import type { FromWorker, ToWorker } from '../worker/WorkerMessages.js';
import { networkDiagram } from './networkDiagram.js';
import { renderExamples } from './renderRun.js';
import { RUN_COLOURS, runName } from './runColours.js';
import { renderSettings, trainerUsesGenerators, type Catalog } from './settingsForm.js';

/** What a run panel tells the page. */
export interface RunPanelEvents {
  /** The run's settings changed (the URL follows). */
  onState(panel: RunPanel): void;
  /** The worker built the run (its series may have changed): charts start over for it. */
  onConfigured(panel: RunPanel): void;
  onReport(panel: RunPanel, report: SessionReport): void;
  onRemove(panel: RunPanel): void;
}

let serial = 0;

/**
 * One run of a race: its own Web Worker (wasm backend), settings form, status, network drawing and
 * examples. The page drives it with play / pause / step / reset.
 */
export class RunPanel {
  readonly element: HTMLElement;
  usesGenerators = true;
  /** The worker could not build the run from its settings (the panel shows why). */
  failed = false;
  private readonly worker: Worker;
  private readonly form: HTMLFormElement;
  private readonly status: HTMLOutputElement;
  private readonly error: HTMLElement;
  private readonly notice: HTMLElement;
  private catalog: Catalog | undefined;
  private exportUrl: string | undefined;
  private lastReport: SessionReport | undefined;

  constructor(
    parent: HTMLElement,
    private index: number,
    public state: PlaygroundState,
    private readonly events: RunPanelEvents,
  ) {
    const id = `run-${++serial}`;
    this.element = document.createElement('section');
    this.element.className = 'run';
    this.element.innerHTML = `
      <header><h2></h2><output class="status" data-step="0" data-running="false"></output>
        <a class="export-run" download="suite.json" href="#">Export this run</a>
        <button type="button" class="remove">Remove</button></header>
      <form class="settings" id="${id}" aria-label="settings"></form>
      <p class="notice" role="status"></p>
      <p class="error" role="alert"></p>
      <div class="network"></div>
      <div class="examples"></div>`;
    parent.append(this.element);
    this.form = this.element.querySelector('form')!;
    this.status = this.element.querySelector('.status')!;
    this.error = this.element.querySelector('.error')!;
    this.notice = this.element.querySelector('.notice')!;
    this.element.querySelector<HTMLButtonElement>('.remove')!.onclick = () => events.onRemove(this);
    this.setIndex(index);
    this.worker = new Worker(new URL('../worker/trainingWorker.ts', import.meta.url), { type: 'module' });
    this.worker.onmessage = (event: MessageEvent<FromWorker>) => this.receive(event.data);
    this.worker.onerror = (event) => this.showError(`the worker of ${runName(this.index)} failed: ${event.message}`);
  }

  get name(): string {
    return runName(this.index);
  }

  get colour(): string {
    return RUN_COLOURS[this.index % RUN_COLOURS.length];
  }

  /** Renumbers the run (after another was removed): its name and colour follow. */
  setIndex(index: number): void {
    this.index = index;
    this.element.dataset.run = String(index);
    this.element.style.setProperty('--run-colour', this.colour);
    this.element.querySelector('h2')!.textContent = this.name;
  }

  setRemovable(removable: boolean): void {
    this.element.querySelector<HTMLButtonElement>('.remove')!.disabled = !removable;
  }

  /** Rebuilds the run from `state` (fresh weights, step 0); `redrawForm` unless the form already shows it. */
  configure(state: PlaygroundState, redrawForm = true): void {
    this.state = state;
    this.error.textContent = '';
    this.failed = false;
    this.status.dataset.ready = 'false';
    if (this.catalog) {
      this.usesGenerators = trainerUsesGenerators(this.catalog, state.trainer);
      if (redrawForm) {
        this.notice.textContent = '';
        renderSettings(this.form, state, this.catalog, (next) => this.edit(next), (reasons) => (this.notice.textContent = reasons.join('; ')));
      }
    }
    this.drawNetwork();
    this.send({ type: 'configure', state });
  }

  play(): void {
    this.send({ type: 'play' });
  }

  pause(): void {
    this.send({ type: 'pause' });
  }

  step(): void {
    this.send({ type: 'step' });
  }

  reset(): void {
    this.configure(this.state);
  }

  terminate(): void {
    this.worker.terminate();
    if (this.exportUrl) URL.revokeObjectURL(this.exportUrl);
    this.element.remove();
  }

  private send(message: ToWorker): void {
    this.worker.postMessage(message);
  }

  private edit(state: PlaygroundState): void {
    this.configure(state, false);
    this.events.onState(this);
  }

  private receive(message: FromWorker): void {
    if (message.type === 'catalog') {
      this.catalog = message;
      document.body.dataset.backend = message.backend;
      this.configure(this.state);
    } else if (message.type === 'configured') {
      this.usesGenerators = message.usesGenerators;
      const generators = this.form.querySelector<HTMLFieldSetElement>('.generator-inputs');
      if (generators) generators.disabled = generators.hidden = !this.usesGenerators;
      this.setExport();
      this.lastReport = undefined;
      this.events.onConfigured(this);
      this.show(message.first, false);
      this.status.dataset.ready = 'true';
    } else if (message.type === 'report') {
      this.show(message.report, message.running);
    } else {
      this.status.dataset.running = 'false';
      this.failed = this.status.dataset.ready !== 'true';
      this.showError(message.message);
      if (this.failed) this.events.onState(this);
    }
  }

  private showError(text: string): void {
    this.error.textContent = text;
    this.status.dataset.error = 'true';
  }

  private show(report: SessionReport, running: boolean): void {
    this.lastReport = report;
    this.events.onReport(this, report);
    const mnist = this.state.task === 'mnist';
    const accuracy = mnist ? report.test.accuracy : report.test.bitAccuracy;
    Object.assign(this.status.dataset, { step: String(report.step), running: String(running), accuracy: String(accuracy ?? ''), error: 'false' });
    const exact = mnist ? '' : `, exact sums ${pct(report.test.exactAccuracy)}`;
    this.status.dataset.state = runState(report, running);
    this.status.textContent = `step ${report.step} (epoch ${report.epoch.toFixed(2)}): held-out ${mnist ? 'accuracy' : 'bits'} ${pct(accuracy)}${exact} — ${describeState(report, running)}`;
    this.drawNetwork();
    renderExamples(this.element.querySelector('.examples')!, report);
  }

  private drawNetwork(): void {
    this.element.querySelector('.network')!.innerHTML = networkDiagram(this.state, this.usesGenerators, this.lastReport?.alignment, `${this.form.id}-net`);
  }

  private setExport(): void {
    if (this.exportUrl) URL.revokeObjectURL(this.exportUrl);
    const blob = new Blob([JSON.stringify(toSuite(this.state, this.usesGenerators), null, 2)], { type: 'application/json' });
    this.exportUrl = URL.createObjectURL(blob);
    this.element.querySelector<HTMLAnchorElement>('.export-run')!.href = this.exportUrl;
  }
}

/** Where a run stands: `running`, `paused`, `ready` (step 0) or how it ended (`finished`: every epoch trained). */
function runState(report: SessionReport, running: boolean): string {
  if (report.ended) return report.ended.status === 'completed' ? 'finished' : report.ended.status;
  if (running) return 'running';
  return report.step === 0 ? 'ready' : 'paused';
}

function describeState(report: SessionReport, running: boolean): string {
  const state = runState(report, running);
  if (state === 'finished') return `finished: ${report.epoch.toFixed(0)} epoch${report.epoch === 1 ? '' : 's'} trained`;
  return report.ended?.reason ? `${state}: ${report.ended.reason}` : state;
}

const pct = (value: number | undefined) => (value === undefined ? '–' : `${(100 * value).toFixed(1)}%`);
