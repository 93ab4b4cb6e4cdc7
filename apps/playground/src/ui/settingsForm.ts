import { MnistSubset } from '../mnist/MnistSubset.js';
import { defaultState, TASKS, type PlaygroundState, type Task } from '../state/stateProperties.js';
import type { CatalogEntry } from '../worker/WorkerMessages.js';

export interface Catalog {
  readonly trainers: readonly CatalogEntry[];
  readonly generatorInputs: readonly CatalogEntry[];
  readonly activations: readonly CatalogEntry[];
}

/** The combination plugin is what several checked inputs become, not an input of its own. */
const COMBINATION = 'combination';

/**
 * Fills a run's settings form from its state; `onChange` gets the edited state. Choosing another task
 * brings that task's defaults (keeping the trainer, generator input and seed) and redraws the form.
 */
export function renderSettings(form: HTMLFormElement, state: PlaygroundState, catalog: Catalog, onChange: (state: PlaygroundState) => void): void {
  const options = (entries: readonly CatalogEntry[], selected: string) =>
    entries.map(({ name, description }) => `<option value="${name}" title="${escape(description)}"${name === selected ? ' selected' : ''}>${name}</option>`).join('');
  const number = (name: keyof PlaygroundState, label: string, step = 'any') =>
    `<label>${label} <input name="${name}" type="number" step="${step}" value="${state[name]}"></label>`;
  const task =
    state.task === 'mnist'
      ? `<span class="task-note">${MnistSubset.trainSize.toLocaleString('en')} training + ${MnistSubset.testSize} held-out images: a stratified subset of MNIST shipped with the page</span>`
      : `<label>bits <input name="bits" type="range" min="2" max="16" value="${state.bits}"><span class="bits-value">${state.bits}</span></label>
      ${number('trainSize', 'train sums', '1')} ${number('testSize', 'held-out sums', '1')}`;
  form.innerHTML = `
    <fieldset><legend>Task</legend>
      <label>task <select name="task">${TASKS.map((name) => `<option value="${name}"${name === state.task ? ' selected' : ''}>${name}</option>`).join('')}</select></label>
      ${task} ${number('seed', 'seed', '1')}
    </fieldset>
    <fieldset><legend>Network</legend>
      <label>hidden layers <input name="hidden" value="${state.hidden.join(',')}"></label>
      <label>activation <input name="activation" list="${form.id}-activations" value="${escape(state.activation)}" title="a name or a mathjs formula of x"></label>
      <datalist id="${form.id}-activations">${options(catalog.activations, '')}</datalist>
    </fieldset>
    <fieldset><legend>Trainer</legend>
      <label>trainer <select name="trainer">${options(catalog.trainers, state.trainer)}</select></label>
      ${number('learningRate', 'learning rate')} ${number('generatorLearningRate', 'generator learning rate')}
      ${number('batchSize', 'batch size', '1')} ${number('epochs', 'epochs', '1')}
    </fieldset>
    <fieldset class="generator-inputs"><legend>Generator input (several = their combination)</legend>
      ${catalog.generatorInputs
        .filter(({ name }) => name !== COMBINATION)
        .map(({ name, description }) => `<label title="${escape(description)}"><input type="checkbox" name="generatorInput" value="${name}"${state.generatorInput.includes(name) ? ' checked' : ''}> ${name}</label>`)
        .join('')}
    </fieldset>`;
  form.onchange = (event) => {
    const target = event.target as HTMLInputElement;
    if (target.name === 'task') {
      const next: PlaygroundState = { ...defaultState(target.value as Task), trainer: state.trainer, generatorInput: state.generatorInput, seed: state.seed };
      renderSettings(form, next, catalog, onChange);
      onChange(next);
    } else {
      state = readSettings(form, state);
      // A generator needs something to look at: unchecking the last input keeps it checked.
      form.querySelectorAll<HTMLInputElement>('input[name=generatorInput]').forEach((box) => (box.checked = state.generatorInput.includes(box.value)));
      onChange(state);
    }
  };
  form.onsubmit = (event) => event.preventDefault();
  form.oninput = (event) => {
    if ((event.target as HTMLInputElement).name === 'bits') form.querySelector('.bits-value')!.textContent = (event.target as HTMLInputElement).value;
  };
}

function readSettings(form: HTMLFormElement, previous: PlaygroundState): PlaygroundState {
  const data = new FormData(form);
  const num = (name: keyof PlaygroundState) => (data.has(name) ? Number(data.get(name)) : (previous[name] as number));
  const inputs = data.getAll('generatorInput').map(String);
  return {
    ...previous,
    bits: num('bits'),
    trainSize: num('trainSize'),
    testSize: num('testSize'),
    seed: num('seed'),
    hidden: String(data.get('hidden')).split(',').map((s) => Number(s.trim())).filter((n) => Number.isInteger(n) && n > 0),
    activation: String(data.get('activation')) || previous.activation,
    trainer: String(data.get('trainer')),
    learningRate: num('learningRate'),
    generatorLearningRate: num('generatorLearningRate'),
    batchSize: num('batchSize'),
    epochs: num('epochs'),
    generatorInput: inputs.length ? inputs : previous.generatorInput,
  };
}

export function escape(text: string): string {
  return text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);
}
