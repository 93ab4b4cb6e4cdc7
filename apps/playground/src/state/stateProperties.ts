import { PlaygroundLimits } from './PlaygroundLimits.js';

/** The tasks a run can learn: binary addition (the tutorial's) or the shipped MNIST subset. */
export const TASKS = ['binary-addition', 'mnist'] as const;
export type Task = (typeof TASKS)[number];

/** The settings of one run: what a link reproduces (a race is several of them, {@link RaceState}). */
export interface PlaygroundState {
  /** What the network learns. */
  task: Task;
  /** Digits of the binary-addition task. */
  bits: number;
  trainSize: number;
  testSize: number;
  /** Seed of the data, the weights and the shuffling. */
  seed: number;
  /** Widths of the hidden layers. */
  hidden: number[];
  /** Activation of the hidden layers: a registered name or a mathjs formula of x. */
  activation: string;
  /** A registered trainer name (listed from the registry). */
  trainer: string;
  /** Generator inputs: one name, or several (their combination). */
  generatorInput: string[];
  learningRate: number;
  generatorLearningRate: number;
  batchSize: number;
  /** Epochs the run stops after (and the exported suite runs). */
  epochs: number;
}

/** One row of the state table: a key of the URL hash, with its (de)serialisers. */
export interface StateProperty<K extends keyof PlaygroundState = keyof PlaygroundState> {
  readonly key: K;
  readonly fallback: PlaygroundState[K];
  /** Defaults that differ by task (MNIST needs other layers and rates than binary addition). */
  readonly fallbackFor?: Partial<Record<Task, PlaygroundState[K]>>;
  serialise(value: PlaygroundState[K]): string;
  /** Throws an Error naming the key for a value it cannot read. */
  deserialise(text: string): PlaygroundState[K];
  /** A number's bounds (what the form's field shows): at least `min`, at most `max` when there is one. */
  readonly range?: { readonly min: number; readonly max?: number };
}

/** A value as a message quotes it: cut short, so a hostile link's megabyte never reaches the page whole. */
export function shown(text: string): string {
  return JSON.stringify(text.length > 40 ? `${text.slice(0, 40)}…` : text);
}

function integer<K extends keyof PlaygroundState>(key: K, fallback: number, min: number, max: number): StateProperty<K> {
  return {
    key,
    range: { min, max },
    fallback: fallback as PlaygroundState[K],
    serialise: (value) => String(value),
    deserialise: (text) => {
      const value = Number(text);
      if (text.trim() === '' || !Number.isInteger(value) || value < min || value > max) {
        throw new Error(`"${key}": expected an integer from ${min} to ${max}, got ${shown(text)}`);
      }
      return value as PlaygroundState[K];
    },
  };
}

function positive<K extends keyof PlaygroundState>(key: K, fallback: number): StateProperty<K> {
  return {
    key,
    range: { min: 0 },
    fallback: fallback as PlaygroundState[K],
    serialise: (value) => String(value),
    deserialise: (text) => {
      const value = Number(text);
      if (!(Number.isFinite(value) && value >= 0) || text.trim() === '') throw new Error(`"${key}": expected a number ≥ 0, got ${shown(text)}`);
      return value as PlaygroundState[K];
    },
  };
}

function oneOf<K extends keyof PlaygroundState>(key: K, fallback: string, known: readonly string[]): StateProperty<K> {
  return {
    key,
    fallback: fallback as PlaygroundState[K],
    serialise: (value) => String(value),
    deserialise: (value) => {
      if (!known.includes(value)) throw new Error(`"${key}": unknown value ${shown(value)}; known: ${known.join(', ')}`);
      return value as PlaygroundState[K];
    },
  };
}

function text<K extends keyof PlaygroundState>(key: K, fallback: string): StateProperty<K> {
  return {
    key,
    fallback: fallback as PlaygroundState[K],
    serialise: (value) => String(value),
    deserialise: (value) => {
      if (value.trim() === '') throw new Error(`"${key}": expected a non-empty value`);
      if (value.length > PlaygroundLimits.text) throw new Error(`"${key}": at most ${PlaygroundLimits.text} characters, got ${value.length}`);
      return value as PlaygroundState[K];
    },
  };
}

/** A comma-separated list of at most `most` items, `what` naming them in the message past it. */
function list<K extends keyof PlaygroundState>(key: K, fallback: readonly unknown[], most: number, what: string, read: (item: string) => unknown): StateProperty<K> {
  return {
    key,
    fallback: [...fallback] as PlaygroundState[K],
    serialise: (value) => (value as unknown[]).join(','),
    deserialise: (value) => {
      if (value.trim() === '') throw new Error(`"${key}": expected a comma-separated list, got nothing`);
      // Counted before anything is read: a link of 20,000 layers is refused at once.
      const count = value.split(',', most + 1).length;
      if (count > most) throw new Error(`"${key}": at most ${most} ${what}, got ${value.split(',').length}`);
      return value.split(',').map((item) => read(item.trim())) as PlaygroundState[K];
    },
  };
}

/** Widest layer a link may ask for: a page that tries to allocate gigabytes fails with no clear reason. */
export const MAX_UNITS = PlaygroundLimits.units;

const positiveInteger = (key: string) => (item: string) => {
  const value = Number(item);
  if (item === '' || !Number.isInteger(value) || value < 1 || value > MAX_UNITS) throw new Error(`"${key}": expected integers from 1 to ${MAX_UNITS}, got ${shown(item)}`);
  return value;
};

const forTask = <P extends StateProperty>(property: P, fallbackFor: P['fallbackFor']): P => ({ ...property, fallbackFor });

/**
 * The state table (as tensorflow/playground's state.ts): every property of the URL hash, its
 * default and its (de)serialisers. Defaults are a cDNI-like run that learns 8-bit sums quickly;
 * on MNIST, one that beats chance within a few hundred steps.
 */
export const STATE_PROPERTIES: readonly StateProperty[] = [
  oneOf('task', 'binary-addition', TASKS),
  integer('bits', 8, PlaygroundLimits.bits.min, PlaygroundLimits.bits.max),
  integer('trainSize', 1000, 1, PlaygroundLimits.examples),
  integer('testSize', 1000, 1, PlaygroundLimits.examples),
  integer('seed', 1, 0, PlaygroundLimits.seed),
  forTask(list('hidden', [128, 64], PlaygroundLimits.hiddenLayers, 'hidden layers', positiveInteger('hidden')), { mnist: [128] }),
  forTask(text('activation', 'sigmoid'), { mnist: 'relu' }),
  text('trainer', 'dni'),
  list('generatorInput', ['layer-output', 'labels'], PlaygroundLimits.generatorInputs, 'generator inputs', (item) => {
    if (item === '') throw new Error('"generatorInput": empty name');
    return item;
  }),
  forTask(positive('learningRate', 0.3), { mnist: 0.1 }),
  forTask(positive('generatorLearningRate', 0.003), { mnist: 0.001 }),
  forTask(integer('batchSize', 10, 1, PlaygroundLimits.examples), { mnist: 32 }),
  forTask(integer('epochs', 100, 1, PlaygroundLimits.epochs), { mnist: 20 }),
] as StateProperty[];

/** The state with every default of `task`. */
export function defaultState(task: Task = 'binary-addition'): PlaygroundState {
  const state = {} as Record<string, unknown>;
  for (const property of STATE_PROPERTIES) state[property.key] = structuredClone(property.fallbackFor?.[task] ?? property.fallback);
  state.task = task;
  return state as unknown as PlaygroundState;
}

/**
 * What is wrong with a state by the table's own readers and bounds (empty when nothing): the worker
 * asks before it builds anything, whatever sent the state.
 *
 * @example
 * ```ts
 * stateProblems({ ...defaultState(), epochs: 2e6 }); // ['"epochs": expected an integer from 1 to 1000000, got "2000000"']
 * ```
 */
export function stateProblems(state: PlaygroundState): string[] {
  const problems: string[] = [];
  for (const property of STATE_PROPERTIES) {
    const value = state[property.key];
    try {
      const kind = Array.isArray(property.fallback) ? 'array' : typeof property.fallback;
      if ((Array.isArray(value) ? 'array' : typeof value) !== kind) throw new Error(`"${property.key}": expected ${kind === 'array' ? 'a list' : `a ${kind}`}`);
      property.deserialise(property.serialise(value as never));
    } catch (error) {
      problems.push((error as Error).message);
    }
  }
  return problems;
}

/** Several runs racing side by side, each with its own settings and its own worker. */
export interface RaceState {
  readonly runs: readonly PlaygroundState[];
}

/** At most this many runs race at once (the machine's cores are shared by all their workers). */
export const MAX_RUNS = 4;
