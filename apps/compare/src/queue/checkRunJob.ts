import { realpathSync } from 'node:fs';
import { isAbsolute, relative, resolve } from 'node:path';
import { CliLimits } from '../cli/CliLimits.js';
import { threadsOfRun } from '../run/threadsOfRun.js';
import { formatZodIssues } from '../suite/formatZodIssues.js';
import { networkSchema, trainingSchema } from '../suite/suiteSchema.js';
import type { RunJobData } from './RunJob.js';

/** What a worker accepts besides the suite's own limits. */
export interface RunJobLimits {
  /** Threads the worker runs at once: a run on more stages than this is refused. */
  readonly concurrency: number;
  /** Folders a job's dataset may read (`--data-dir`); any option naming a path must lie inside one. */
  readonly dataDirs: readonly string[];
}

/** Dataset options that name a place on disk. */
const PATH_OPTION = /(dir|path|file|folder)$/i;

/**
 * Why a worker refuses a queued job (an empty list when it takes it): its payload is checked with the
 * suite's own schema and limits, as if the worker had read the suite itself — label and seed, the
 * network and training (epochs ≤ 1,000,000, batch sizes positive integers, …), the backend and dtype,
 * a run on no more stages than the worker runs at once, and a dataset that reads from disk only
 * inside the worker's `--data-dir` folders. Each problem names the field and the value.
 *
 * @example
 * ```ts
 * checkRunJob(job.data, { concurrency: 2, dataDirs: [] }); // ['spec.training.epochs: expected number to be <=1000000, got 1000000000000']
 * ```
 */
export function checkRunJob(data: unknown, limits: RunJobLimits): string[] {
  if (typeof data !== 'object' || data === null) return ['the job holds no run'];
  const { spec, plugins } = data as Partial<RunJobData>;
  if (!Array.isArray(plugins) || plugins.some((p) => typeof p !== 'string')) return ['plugins: expected a list of paths'];
  if (typeof spec !== 'object' || spec === null) return ['spec: expected a run'];
  const problems: string[] = [];
  const field = (name: string, ok: boolean, expected: string, value: unknown) => {
    if (!ok) problems.push(`spec.${name}: expected ${expected}, got ${JSON.stringify(value)?.slice(0, 80) ?? String(value)}`);
  };
  field('suite', typeof spec.suite === 'string', 'a name', spec.suite);
  field('label', typeof spec.label === 'string' && spec.label.length > 0 && spec.label.length <= 255, 'a label of 1 to 255 characters', spec.label);
  field('seed', Number.isInteger(spec.seed) && spec.seed >= 0 && spec.seed <= CliLimits.seed, `an integer from 0 to ${CliLimits.seed}`, spec.seed);
  field('trainer', typeof spec.trainer === 'string', 'a trainer name', spec.trainer);
  field('backend', typeof spec.backend === 'string', 'a backend name', spec.backend);
  field('dtype', spec.dtype === undefined || spec.dtype === 'float64' || spec.dtype === 'float32', '"float64" or "float32"', spec.dtype);
  field('options', typeof spec.options === 'object' && spec.options !== null && !Array.isArray(spec.options), 'an object', spec.options);
  const dataset = spec.dataset as RunJobData['spec']['dataset'] | undefined;
  field('dataset', typeof dataset?.name === 'string' && typeof dataset.options === 'object' && dataset.options !== null, 'a name and options', dataset);
  for (const [section, schema] of [['network', networkSchema], ['training', trainingSchema]] as const) {
    const result = schema.safeParse(spec[section]);
    if (!result.success) problems.push(...formatZodIssues(result.error.issues, spec[section], schema).map((line) => `spec.${section}${/^[[:]/.test(line) ? '' : '.'}${line}`));
  }
  if (problems.length) return problems;
  const stages = threadsOfRun(spec);
  if (stages > limits.concurrency) problems.push(`spec.options.stages: the run trains on ${stages} threads; this worker runs ${limits.concurrency} at once (--concurrency)`);
  for (const [key, value] of Object.entries(dataset!.options)) {
    if (!PATH_OPTION.test(key) || value === undefined) continue;
    const path = typeof value === 'string' ? realPath(value) : undefined;
    const inside = path !== undefined && limits.dataDirs.some((dir) => isInside(path, dir));
    if (!inside) {
      problems.push(
        `spec.dataset.options.${key}: ${JSON.stringify(value)?.slice(0, 200)} is not inside a folder this worker may read; ` +
          `start it with --data-dir <folder>${limits.dataDirs.length ? ` (it has ${limits.dataDirs.join(', ')})` : ''}`,
      );
    }
  }
  return problems;
}

/** The path with its links resolved where it exists, so a link inside an allowed folder cannot lead out of it. */
function realPath(path: string): string {
  try {
    return realpathSync(resolve(path));
  } catch {
    return resolve(path);
  }
}

function isInside(path: string, dir: string): boolean {
  const rel = relative(realPath(dir), path);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
}
