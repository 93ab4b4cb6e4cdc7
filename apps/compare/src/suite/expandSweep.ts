import { Rng } from 'synthgrad';
import { CliError } from '../cli/CliError.js';
import { networkSchema, trainingSchema, type SearchSpace, type Suite, type SuiteRun } from './suiteSchema.js';

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
 * @example
 * ```ts
 * expandSweep(suite).runs.map((r) => r.label); // ["backprop [learningRate=0.1]", "backprop [learningRate=0.3]", …]
 * ```
 */
export function expandSweep(suite: Suite): Suite {
  const { sweep } = suite;
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
  return { ...suite, runs, sweep: plan };
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
