import type { PlaygroundState } from '../state/stateProperties.js';
import type { CatalogEntry } from '../worker/WorkerMessages.js';

export interface Catalog {
  readonly trainers: readonly CatalogEntry[];
  readonly generatorInputs: readonly CatalogEntry[];
  readonly activations: readonly CatalogEntry[];
}

/** The combination plugin is what several checked inputs become, not an input of its own. */
const COMBINATION = 'combination';

/** Fills the settings form from the state; `onChange` gets the edited state. */
export function renderSettings(form: HTMLFormElement, state: PlaygroundState, catalog: Catalog, onChange: (state: PlaygroundState) => void): void {
  const options = (entries: readonly CatalogEntry[], selected: string) =>
    entries.map(({ name, description }) => `<option value="${name}" title="${escape(description)}"${name === selected ? ' selected' : ''}>${name}</option>`).join('');
  const number = (name: keyof PlaygroundState, label: string, step = 'any') =>
    `<label>${label} <input name="${name}" type="number" step="${step}" value="${state[name]}"></label>`;
  form.innerHTML = `
    <fieldset><legend>Task: binary addition</legend>
      <label>bits <input name="bits" type="range" min="2" max="16" value="${state.bits}"><span id="bits-value">${state.bits}</span></label>
      ${number('trainSize', 'train sums', '1')} ${number('testSize', 'held-out sums', '1')} ${number('seed', 'seed', '1')}
    </fieldset>
    <fieldset><legend>Network</legend>
      <label>hidden layers <input name="hidden" value="${state.hidden.join(',')}"></label>
      <label>activation <input name="activation" list="activations" value="${escape(state.activation)}" title="a name or a mathjs formula of x"></label>
      <datalist id="activations">${options(catalog.activations, '')}</datalist>
    </fieldset>
    <fieldset><legend>Trainer</legend>
      <label>trainer <select name="trainer">${options(catalog.trainers, state.trainer)}</select></label>
      ${number('learningRate', 'learning rate')} ${number('generatorLearningRate', 'generator learning rate')}
      ${number('batchSize', 'batch size', '1')} ${number('epochs', 'epochs', '1')}
    </fieldset>
    <fieldset id="generator-inputs"><legend>Generator input (several = their combination)</legend>
      ${catalog.generatorInputs
        .filter(({ name }) => name !== COMBINATION)
        .map(({ name, description }) => `<label title="${escape(description)}"><input type="checkbox" name="generatorInput" value="${name}"${state.generatorInput.includes(name) ? ' checked' : ''}> ${name}</label>`)
        .join('')}
    </fieldset>`;
  form.onchange = () => onChange(readSettings(form, state));
  form.oninput = (event) => {
    if ((event.target as HTMLInputElement).name === 'bits') form.querySelector('#bits-value')!.textContent = (event.target as HTMLInputElement).value;
  };
}

function readSettings(form: HTMLFormElement, previous: PlaygroundState): PlaygroundState {
  const data = new FormData(form);
  const num = (name: string) => Number(data.get(name));
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
