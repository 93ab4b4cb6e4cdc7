import { Rng } from 'synthgrad';
import { CliError } from '../cli/CliError.js';
import { formatZodIssues } from './formatZodIssues.js';
import { SuiteError } from './SuiteError.js';
import { SuiteLimits } from './SuiteLimits.js';
import { networkSchema, suiteSchema, trainingSchema, type SearchSpace, type Suite, type SuiteRun } from './suiteSchema.js';

/** The fields a setting may set in `network` and `training` (trainer options are checked by the trainer). */
const KNOWN_FIELDS = { network: Object.keys(networkSchema.shape), training: Object.keys(trainingSchema.shape) };

/** One point of a search space: setting path → value. */
export type Setting = Readonly<Record<string, unknown>>;

/**
 * The suite with every swept configuration replaced by one configuration per setting: the grid of its
 * space (`runs[].sweep`, else the suite's `sweep.space`), or `sweep.samples` settings drawn with
 * `sweep.seed`. A setting's values are written into the configuration's `network`, `options` or
 * `training` (its own values at those paths are replaced), its label gets the setting
 * (`"backprop [learningRate=0.3]"`), and `sweepOf` / `setting` record where it came from. The result
 * keeps `sweep` without `space` (halving, seed), so a run folder's suite.json re-expands to itself.
 *
 * Before anything is expanded, the number of configurations it gives is computed (a product of list
 * lengths, or `samples`, per swept configuration) and refused above {@link SuiteLimits} (and so are
 * configurations × seeds); after, every expanded configuration is checked against the suite's schema,
 * so a swept value is held to the same limits as a written one (epochs, batch sizes, …). Both throw a
 * {@link SuiteError} naming `source`, the setting path and the value.
 *
 * @example
 * ```ts
 * expandSweep(suite).runs.map((r) => r.label); // ["backprop [learningRate=0.1]", "backprop [learningRate=0.3]", …]
 * ```
 */
export function expandSweep(suite: Suite, source = suite.name): Suite {
  const { sweep } = suite;
  const configurations = countConfigurations(suite, source);
  if (configurations * suite.seeds.length > SuiteLimits.runs) {
    throw new SuiteError(source, [
      `${configurations} configurations × ${suite.seeds.length} seeds = ${configurations * suite.seeds.length} runs; a suite runs at most ${SuiteLimits.runs}`,
    ]);
  }
  if (sweep === undefined || (sweep.space === undefined && !suite.runs.some((run) => run.sweep))) return suite;
  const rng = new Rng(sweep.seed);
  const runs = suite.runs.flatMap((run): SuiteRun[] => {
    const { sweep: own, ...base } = run;
    const space = own ?? sweep.space;
    if (space === undefined || Object.keys(space).length === 0) return [base];
    checkPaths(run.label, space);
    const settings = sweep.samples === undefined ? gridOf(run.label, space) : samplesOf(space, sweep.samples, rng.fork());
    return settings.map((setting) => withSetting(base, setting));
  });
  const { space: _space, ...plan } = sweep;
  const expanded = { ...suite, runs, sweep: plan };
  checkExpanded(expanded, source);
  return expanded;
}

/** How many configurations the sweep gives, multiplied out (never enumerated); refused past the limit. */
function countConfigurations(suite: Suite, source: string): number {
  const limit = SuiteLimits.configurations;
  const { sweep } = suite;
  if (sweep?.samples !== undefined && sweep.samples > limit) {
    throw new SuiteError(source, [`sweep.samples: at most ${limit} settings per configuration, got ${sweep.samples}`]);
  }
  let total = 0;
  for (const run of suite.runs) {
    const space = sweep === undefined ? undefined : (run.sweep ?? sweep.space);
    let count = 1;
    if (space !== undefined && Object.keys(space).length > 0) {
      if (sweep?.samples !== undefined) count = sweep.samples;
      else for (const values of Object.values(space)) count *= Array.isArray(values) ? values.length : 1;
    }
    total += count;
    if (total > limit) {
      const what = sweep?.samples !== undefined ? `${sweep.samples} samples each` : `a grid of ${space ? Object.values(space).map((v) => (Array.isArray(v) ? v.length : 1)).join(' × ') : 1} settings for "${run.label}"`;
      throw new SuiteError(source, [
        `the sweep gives more than ${limit} configurations (${what}); a suite holds at most ${limit}: sweep fewer values, or set sweep.samples`,
      ]);
    }
  }
  return total;
}

/** Every expanded configuration against the suite's schema: a swept value meets the limits a written one does. */
function checkExpanded(suite: Suite, source: string): void {
  const result = suiteSchema.safeParse(suite);
  if (result.success) return;
  const problems = new Set<string>();
  for (const issue of result.error.issues) {
    const [first, index, section, key] = issue.path;
    // Random samples may draw one setting twice: the same configuration, as before.
    if (section === 'label' && issue.code === 'custom') continue;
    const run = first === 'runs' && typeof index === 'number' ? suite.runs[index] : undefined;
    const path = `${String(section)}.${String(key)}`;
    const [line] = formatZodIssues([issue], suite, suiteSchema);
    if (run?.setting && path in run.setting) {
      const why = line.slice(line.indexOf(': ') + 2).replace(/, got .*$/, '');
      problems.add(`sweep of "${run.sweepOf ?? run.label}": ${path} = ${JSON.stringify(run.setting[path]) ?? String(run.setting[path])}: ${why}`);
    } else problems.add(run ? `${line} (configuration "${run.label}")` : line);
  }
  const list = [...problems];
  if (list.length === 0) return;
  throw new SuiteError(source, list.length > 20 ? [...list.slice(0, 20), `and ${list.length - 20} more`] : list);
}

function checkPaths(label: string, space: SearchSpace): void {
  for (const path of Object.keys(space)) {
    const [section, key] = path.split('.');
    if (section === 'options') continue;
    const known = KNOWN_FIELDS[section as 'network' | 'training'];
    if (!known.includes(key)) {
      throw new CliError(`sweep of "${label}": ${section} has no field "${key}" (in "${path}"); known: ${known.map((k) => `"${k}"`).join(', ')}`);
    }
  }
}

/** Every combination of the listed values, the first path varying slowest. */
function gridOf(label: string, space: SearchSpace): Setting[] {
  let settings: Record<string, unknown>[] = [{}];
  for (const [path, values] of Object.entries(space)) {
    if (!Array.isArray(values)) {
      throw new CliError(`sweep of "${label}": ${path} is a range ({ min, max }); a grid needs a list of values, or set sweep.samples`);
    }
    settings = settings.flatMap((setting) => values.map((value) => ({ ...setting, [path]: value })));
  }
  return settings;
}

/** `count` settings, each value drawn independently: uniformly from a list, or from a range (log-uniform with `scale: "log"`). */
function samplesOf(space: SearchSpace, count: number, rng: Rng): Setting[] {
  return Array.from({ length: count }, () =>
    Object.fromEntries(
      Object.entries(space).map(([path, values]) => {
        if (Array.isArray(values)) return [path, values[rng.int(values.length)]];
        const { min, max, scale, integer } = values;
        const value = scale === 'log' ? Math.exp(rng.uniformRange(Math.log(min), Math.log(max))) : rng.uniformRange(min, max);
        return [path, integer ? Math.round(value) : Number(value.toPrecision(3))];
      }),
    ),
  );
}

function withSetting(run: SuiteRun, setting: Setting): SuiteRun {
  const sections: Record<'network' | 'options' | 'training', Record<string, unknown>> = {
    network: { ...run.network },
    options: { ...run.options },
    training: { ...run.training },
  };
  for (const [path, value] of Object.entries(setting)) {
    const [section, key] = path.split('.') as ['network' | 'options' | 'training', string];
    sections[section][key] = value;
  }
  const nonEmpty = (key: keyof typeof sections) => (Object.keys(sections[key]).length ? { [key]: sections[key] } : {});
  return {
    ...run,
    ...nonEmpty('network'),
    ...nonEmpty('options'),
    ...nonEmpty('training'),
    label: `${run.label} [${settingText(setting)}]`,
    sweepOf: run.label,
    setting,
  } as SuiteRun;
}

/** `learningRate=0.3, generatorLearningRate=0.001`: each path's last part and its value as JSON. */
export function settingText(setting: Setting): string {
  return Object.entries(setting)
    .map(([path, value]) => `${path.slice(path.indexOf('.') + 1)}=${JSON.stringify(value)}`)
    .join(', ');
}
