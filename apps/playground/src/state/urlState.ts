import { defaultState, MAX_RUNS, shown, STATE_PROPERTIES, TASKS, type PlaygroundState, type RaceState, type Task } from './stateProperties.js';

/** Keys of run k ≥ 2 carry this prefix (`run2.trainer=backprop`); run 1's keys have none, so one-run links stay short. */
const RUN_PREFIX = /^run(\d+)\.(.+)$/;

const prefixOf = (run: number) => (run === 0 ? '' : `run${run + 1}.`);

/**
 * The race as a URL hash (`#bits=8&trainer=dni&…&run2.trainer=backprop&…`); defaults are written too,
 * so a link never changes meaning.
 */
export function raceToHash(race: RaceState): string {
  const params = new URLSearchParams();
  race.runs.forEach((state, run) => {
    for (const property of STATE_PROPERTIES) params.set(prefixOf(run) + property.key, property.serialise(state[property.key] as never));
  });
  return `#${params.toString()}`;
}

/** A race read from a link, and what was wrong with the link: each notice names the key it left out or replaced. */
export interface RaceReading {
  readonly race: RaceState;
  readonly notices: readonly string[];
}

/** Unknown keys a notice names before it says how many more there were. */
const NAMED_KEYS = 10;

/**
 * The race a hash describes; nothing in a link throws the whole state away. Run 1's missing keys
 * take the defaults of its task; another run's take run 1's value (its task's default when its
 * task differs). An unknown key is ignored, a bad value (one outside the bounds of
 * `PlaygroundLimits` too) keeps that key's default, a run number past {@link MAX_RUNS} is
 * ignored and a missing run copies run 1: each with a notice naming the key.
 *
 * @example
 * ```ts
 * const { race, notices } = readRaceHash('#bits=6&bitz=5&epochs=0');
 * race.runs[0].bits; // 6
 * notices; // ['"epochs": expected an integer from 1 to 1000000, got "0"; using 100', 'unknown setting "bitz" in the URL, ignored it; known: …']
 * ```
 */
export function readRaceHash(hash: string): RaceReading {
  const notices: string[] = [];
  const byRun = new Map<number, Map<string, string>>();
  const misnumbered: string[] = [];
  for (const [key, value] of new URLSearchParams(hash.replace(/^#/, ''))) {
    const match = RUN_PREFIX.exec(key);
    const run = match ? Number(match[1]) - 1 : 0;
    if (match && !(run >= 1 && run < MAX_RUNS)) {
      misnumbered.push(key);
      continue;
    }
    if (!byRun.has(run)) byRun.set(run, new Map());
    byRun.get(run)!.set(match ? match[2] : key, value);
  }
  if (misnumbered.length) notices.push(`${keyList(misnumbered)} ignored: runs are numbered 2 to ${MAX_RUNS} (run 1's keys have no prefix)`);
  const count = Math.max(1, ...[...byRun.keys()].map((run) => run + 1));
  const runs: PlaygroundState[] = [];
  for (let run = 0; run < count; run++) {
    if (run > 0 && !byRun.has(run)) notices.push(`the URL has settings of run ${count} but none of run ${run + 1}: run ${run + 1} copies run 1`);
    runs.push(readRun(byRun.get(run) ?? new Map(), prefixOf(run), runs[0], notices));
  }
  return { race: { runs }, notices };
}

function readRun(params: Map<string, string>, prefix: string, first: PlaygroundState | undefined, notices: string[]): PlaygroundState {
  const known = new Map(STATE_PROPERTIES.map((property) => [property.key as string, property]));
  let taskText = params.get('task');
  if (taskText !== undefined && !(TASKS as readonly string[]).includes(taskText)) {
    const task = first?.task ?? 'binary-addition';
    notices.push(`"${prefix}task": unknown value ${shown(taskText)}; known: ${TASKS.join(', ')}; using ${task}`);
    taskText = undefined;
  }
  const task = (taskText ?? first?.task ?? 'binary-addition') as Task;
  const state = (first && first.task === task ? structuredClone(first) : defaultState(task)) as unknown as Record<string, unknown>;
  const unknown: string[] = [];
  for (const [key, value] of params) {
    const property = known.get(key);
    if (property === undefined) {
      unknown.push(prefix + key);
      continue;
    }
    if (key === 'task') continue;
    try {
      state[key] = property.deserialise(value);
    } catch (error) {
      const message = (error as Error).message.replace(`"${key}"`, `"${prefix}${key}"`);
      notices.push(`${message}; using ${shown(property.serialise(state[key] as never)).slice(1, -1)}`);
    }
  }
  if (unknown.length) {
    const [settings, them] = unknown.length === 1 ? ['setting', 'it'] : ['settings', 'them'];
    notices.push(`unknown ${settings} ${keyList(unknown)} in the URL, ignored ${them}; known: ${[...known.keys()].map((k) => prefix + k).join(', ')}`);
  }
  return state as unknown as PlaygroundState;
}

/** Keys as a notice names them: the first {@link NAMED_KEYS}, then how many more. */
function keyList(keys: readonly string[]): string {
  const named = keys.slice(0, NAMED_KEYS).map(shown).join(', ');
  return keys.length > NAMED_KEYS ? `${named} and ${keys.length - NAMED_KEYS} more` : named;
}

/** One run's state as a hash (a race of one). */
export function stateToHash(state: PlaygroundState): string {
  return raceToHash({ runs: [state] });
}

/** The first run of the race a hash describes (what {@link readRaceHash} makes of it). */
export function hashToState(hash: string): PlaygroundState {
  return readRaceHash(hash).race.runs[0];
}
