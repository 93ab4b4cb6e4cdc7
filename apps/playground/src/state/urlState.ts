import { defaultState, MAX_RUNS, STATE_PROPERTIES, TASKS, type PlaygroundState, type RaceState, type Task } from './stateProperties.js';

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

/**
 * The race a hash describes. Run 1's missing keys take the defaults of its task; another run's take
 * run 1's value (its task's default when its task differs). An unknown key, a bad value or a gap
 * in the run numbers throws, naming the key (and the known keys).
 */
export function hashToRace(hash: string): RaceState {
  const byRun = new Map<number, Map<string, string>>();
  for (const [key, value] of new URLSearchParams(hash.replace(/^#/, ''))) {
    const match = RUN_PREFIX.exec(key);
    const run = match ? Number(match[1]) - 1 : 0;
    if (match && !(run >= 1 && run < MAX_RUNS)) throw new Error(`"${key}": runs are numbered 2 to ${MAX_RUNS} (run 1's keys have no prefix)`);
    if (!byRun.has(run)) byRun.set(run, new Map());
    byRun.get(run)!.set(match ? match[2] : key, value);
  }
  const count = Math.max(1, ...[...byRun.keys()].map((run) => run + 1));
  const runs: PlaygroundState[] = [];
  for (let run = 0; run < count; run++) {
    if (run > 0 && !byRun.has(run)) throw new Error(`the URL has settings of run ${count} but none of run ${run + 1}`);
    runs.push(readRun(byRun.get(run) ?? new Map(), prefixOf(run), runs[0]));
  }
  return { runs };
}

function readRun(params: Map<string, string>, prefix: string, first: PlaygroundState | undefined): PlaygroundState {
  const known = new Map(STATE_PROPERTIES.map((property) => [property.key as string, property]));
  const taskText = params.get('task');
  if (taskText !== undefined && !(TASKS as readonly string[]).includes(taskText)) {
    throw new Error(`"${prefix}task": unknown value "${taskText}"; known: ${TASKS.join(', ')}`);
  }
  const task = (taskText ?? first?.task ?? 'binary-addition') as Task;
  const state = (first && first.task === task ? structuredClone(first) : defaultState(task)) as unknown as Record<string, unknown>;
  for (const [key, value] of params) {
    const property = known.get(key);
    if (property === undefined) {
      throw new Error(`unknown setting "${prefix}${key}" in the URL; known: ${[...known.keys()].map((k) => prefix + k).join(', ')}`);
    }
    try {
      state[key] = property.deserialise(value);
    } catch (error) {
      throw prefix ? new Error((error as Error).message.replace(`"${key}"`, `"${prefix}${key}"`)) : error;
    }
  }
  return state as unknown as PlaygroundState;
}

/** One run's state as a hash (a race of one). */
export function stateToHash(state: PlaygroundState): string {
  return raceToHash({ runs: [state] });
}

/** The first run of the race a hash describes. */
export function hashToState(hash: string): PlaygroundState {
  return hashToRace(hash).runs[0];
}
