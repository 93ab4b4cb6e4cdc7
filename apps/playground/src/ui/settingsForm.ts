import { MnistSubset } from '../mnist/MnistSubset.js';
import { defaultState, STATE_PROPERTIES, TASKS, type PlaygroundState, type Task } from '../state/stateProperties.js';
import type { CatalogEntry, TrainerEntry } from '../worker/WorkerMessages.js';

export interface Catalog {
  readonly trainers: readonly TrainerEntry[];
  readonly generatorInputs: readonly CatalogEntry[];
  readonly activations: readonly CatalogEntry[];
}

/** The combination plugin is what several checked inputs become, not an input of its own. */
const COMBINATION = 'combination';

/** Whether the catalog says `trainer` trains generators (asked of its plugin by the worker); unknown names: no. */
export function trainerUsesGenerators(catalog: Catalog, trainer: string): boolean {
  return catalog.trainers.find(({ name }) => name === trainer)?.usesGenerators ?? false;
}

/**
 * Fills a run's settings form from its state; `onChange` gets the edited state. Choosing another task
 * brings that task's defaults (keeping the trainer, generator input and seed) and redraws the form.
 * A field whose value is out of bounds or unreadable goes back to its previous value, and `onRefused`
 * gets the reason (naming the field); the other fields' edits stand.
 */
export function renderSettings(
  form: HTMLFormElement,
  state: PlaygroundState,
  catalog: Catalog,
  onChange: (state: PlaygroundState) => void,
  onRefused: (reasons: readonly string[]) => void = () => {},
): void {
  const options = (entries: readonly CatalogEntry[], selected: string) =>
    entries.map(({ name, description }) => `<option value="${name}" title="${escape(description)}"${name === selected ? ' selected' : ''}>${name}</option>`).join('');
  const number = (name: keyof PlaygroundState, label: string, step = 'any') => {
    const bounds = STATE_PROPERTIES.find(({ key }) => key === name)?.range;
    const range = bounds ? ` min="${bounds.min}"${bounds.max === undefined ? '' : ` max="${bounds.max}"`}` : '';
    return `<label>${label} <input name="${name}" type="number" step="${step}"${range} value="${state[name]}"></label>`;
  };
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
      ${number('learningRate', 'learning rate')}
      ${number('batchSize', 'batch size', '1')} ${number('epochs', 'epochs', '1')}
    </fieldset>
    <fieldset class="generator-inputs"><legend>Generators: their learning rate and input (several = their combination)</legend>
      ${number('generatorLearningRate', 'generator learning rate')}
      ${catalog.generatorInputs
        .filter(({ name }) => name !== COMBINATION)
        .map(({ name, description }) => `<label title="${escape(description)}"><input type="checkbox" name="generatorInput" value="${name}"${state.generatorInput.includes(name) ? ' checked' : ''}> ${name}</label>`)
        .join('')}
    </fieldset>`;
  showGenerators(form, trainerUsesGenerators(catalog, state.trainer));
  form.onchange = (event) => {
    const target = event.target as HTMLInputElement;
    if (target.name === 'task') {
      const next: PlaygroundState = { ...defaultState(target.value as Task), trainer: state.trainer, generatorInput: state.generatorInput, seed: state.seed };
      renderSettings(form, next, catalog, onChange, onRefused);
      onRefused([]);
      onChange(next);
    } else {
      const before = state;
      const { state: next, refused } = readSettings(form, state);
      state = next;
      // A generator needs something to look at: unchecking the last input keeps it checked.
      form.querySelectorAll<HTMLInputElement>('input[name=generatorInput]').forEach((box) => (box.checked = state.generatorInput.includes(box.value)));
      if (target.name === 'trainer') showGenerators(form, trainerUsesGenerators(catalog, state.trainer));
      onRefused(refused);
      // A refused value alone changes nothing: the run goes on.
      if (refused.length === 0 || JSON.stringify(state) !== JSON.stringify(before)) onChange(state);
    }
  };
  form.onsubmit = (event) => event.preventDefault();
  form.oninput = (event) => {
    if ((event.target as HTMLInputElement).name === 'bits') form.querySelector('.bits-value')!.textContent = (event.target as HTMLInputElement).value;
  };
}

/** Shows the generators' settings only for a trainer that trains generators (disabled, they are not read). */
function showGenerators(form: HTMLFormElement, shown: boolean): void {
  const fieldset = form.querySelector<HTMLFieldSetElement>('.generator-inputs');
  if (!fieldset) return;
  fieldset.disabled = !shown;
  fieldset.hidden = !shown;
}

/** The fields read with the state table's own readers (the URL's), so the form has the link's bounds. */
const READ_FIELDS = ['bits', 'trainSize', 'testSize', 'seed', 'hidden', 'activation', 'trainer', 'learningRate', 'generatorLearningRate', 'batchSize', 'epochs'] as const;

/**
 * The state the form shows: each field read as a link's value is; a field that does not read keeps
 * `previous`'s value (the field shows it again) and its reason is in `refused`.
 */
export function readSettings(form: HTMLFormElement, previous: PlaygroundState): { state: PlaygroundState; refused: string[] } {
  const data = new FormData(form);
  const state = { ...previous } as Record<string, unknown>;
  const refused: string[] = [];
  for (const key of READ_FIELDS) {
    if (!data.has(key)) continue;
    const property = STATE_PROPERTIES.find((p) => p.key === key)!;
    const text = String(data.get(key));
    try {
      state[key] = property.deserialise(text);
    } catch (error) {
      refused.push(`${(error as Error).message}; kept ${property.serialise(previous[key] as never)}`);
      const field = form.elements.namedItem(key) as HTMLInputElement | null;
      if (field) field.value = property.serialise(previous[key] as never);
      if (key === 'bits') form.querySelector('.bits-value')!.textContent = String(previous.bits);
    }
  }
  const inputs = data.getAll('generatorInput').map(String);
  // The same inputs checked keep their order (the form lists them in its own).
  const same = inputs.length === previous.generatorInput.length && inputs.every((name) => previous.generatorInput.includes(name));
  if (inputs.length && !same) state.generatorInput = inputs;
  return { state: state as unknown as PlaygroundState, refused };
}

export function escape(text: string): string {
  return text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);
}
