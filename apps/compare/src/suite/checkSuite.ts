import type { Container } from 'inversify';
import {
  ActivationRegistry,
  compileSchedule,
  createTrainer,
  assertTrainerFits,
  DatasetRegistry,
  estimateTrainerMemory,
  formatBytes,
  GeneratorInputRegistry,
  InitialiserRegistry,
  LayerRegistry,
  LossRegistry,
  OptimiserRegistry,
  resolveActivation,
  TensorBackend,
  TrainerAlgorithmRegistry,
  UnknownPluginError,
  type Dataset,
  type NetworkSpec,
} from 'synthgrad';
import type { RunSpec } from '../run/RunSpec.js';
import { jsonPath } from './jsonPath.js';
import { SuiteError } from './SuiteError.js';
import type { Suite } from './suiteSchema.js';
import { expandRuns } from './expandRuns.js';
import { generatorInputNames } from './generatorInputNames.js';
import { generatorInputSizeProblems } from './generatorInputSizeProblems.js';
import { layerSpecProblem } from './layerSpecProblem.js';

/**
 * Checks every name and expression of a suite against `container` before any training: the dataset
 * (and its options), each configuration's trainer, generator inputs (inside combinations too),
 * activations and learning-rate schedules; then builds each configuration's trainer once, which
 * catches what is left (options, losses, optimisers, shapes). Throws one {@link SuiteError} listing
 * every problem, each prefixed with its JSON path. A configuration whose trainer cannot fit in memory
 * (estimated, not allocated) is one of those problems; when the largest one times `workers` is over
 * `largeRunBytes` (default {@link LARGE_RUN_BYTES}), `warn` gets one line.
 */
export async function checkSuite(
  suite: Suite,
  container: Container,
  source: string,
  memory: {
    readonly workers?: number;
    readonly warn?: (line: string) => void;
    readonly largeRunBytes?: number;
    /** Problems found before the check (a backend the container could not use): reported first, with the rest. */
    readonly earlier?: readonly string[];
  } = {},
): Promise<void> {
  const problems: string[] = [...(memory.earlier ?? [])];
  let largest: { bytes: number; where: string } | undefined;
  const dataset = await loadDataset(suite, container, problems);
  const trainers = container.get(TrainerAlgorithmRegistry);
  const inputs = container.get(GeneratorInputRegistry);
  const firstSeedRuns = expandRuns(suite).slice(0, suite.runs.length);
  firstSeedRuns.forEach((spec, i) => {
    const run = suite.runs[i];
    const runPath: PropertyKey[] = ['runs', i];
    const at = (path: readonly PropertyKey[]) => `${jsonPath(path)} (configuration "${run.label}")`;
    // This configuration's problems so far, as their messages say them (without the path).
    const messages: string[] = [];
    const report = (path: readonly PropertyKey[], message: string) => {
      messages.push(message);
      problems.push(`${at(path)}: ${message}`);
    };
    if (!trainers.has(run.trainer)) report([...runPath, 'trainer'], unknown('trainer', run.trainer, trainers.names()));
    for (const { name, path } of generatorInputNames(spec.options.generatorInput, [...runPath, 'options', 'generatorInput'])) {
      if (!inputs.has(name)) report(path, unknown('generator input', name, inputs.names()));
    }
    // Where the network's fields come from: the configuration's override, else the suite's network.
    const networkPath = (field: keyof NetworkSpec): PropertyKey[] =>
      run.network?.[field] !== undefined ? [...runPath, 'network', field] : ['network', field];
    checkLayerKinds(spec.network, networkPath('layers'), container, report);
    checkActivations(spec.network, networkPath('layers'), container, report);
    const stagesProblem = checkStages(spec.trainer, spec.options.stages);
    if (stagesProblem) report([...runPath, 'options', 'stages'], stagesProblem);
    checkNamedPlugins(spec.network, networkPath, container, report);
    const steps = dataset ? spec.training.epochs * Math.ceil(dataset.train.inputs.rows / spec.training.batchSize) : 1;
    const schedules: [unknown, PropertyKey[]][] = [
      [spec.network.learningRate, networkPath('learningRate')],
      [spec.options.generatorLearningRate, [...runPath, 'options', 'generatorLearningRate']],
    ];
    for (const [schedule, path] of schedules) {
      const problem = checkSchedule(schedule, jsonPath(path), spec.training.epochs, steps);
      if (problem) report(path, problem);
    }
    // Stages of the wrong type would only crash the build (`stages.forEach is not a function`).
    if (!dataset || !trainers.has(run.trainer) || stagesProblem) return;
    if (messages.length) {
      // Building still finds what the problems above leave checkable (a bad option before the bad name);
      // a failure that is one of them again is not news. A trainer too large to allocate is not built.
      if (!fits(spec, dataset, container)) return;
      const problem = buildProblem(container, dataset, spec);
      if (problem !== undefined && !messages.some((message) => problem.includes(message))) {
        problems.push(`${at(runPath)}: cannot build the trainer: ${problem}`);
      }
      return;
    }
    try {
      const estimate = estimateTrainerMemory(
        { algorithm: spec.trainer, options: spec.options, network: spec.network },
        dataset,
        spec.dtype,
        container.get(LayerRegistry),
      );
      assertTrainerFits(estimate);
      if (!largest || estimate.bytes > largest.bytes) largest = { bytes: estimate.bytes, where: at(runPath) };
    } catch (error) {
      problems.push(`${at(runPath)}: cannot build the trainer: ${(error as Error).message}`);
      return;
    }
    const problem = buildProblem(container, dataset, spec);
    if (problem !== undefined) {
      problems.push(`${at(runPath)}: cannot build the trainer: ${problem}`);
      return;
    }
    for (const problem of generatorInputSizeProblems(container, dataset, spec.network, spec.options.generatorInput)) {
      problems.push(`${at([...runPath, 'options', 'generatorInput'])}: ${problem}`);
    }
  });
  if (problems.length) throw new SuiteError(source, [...new Set(problems)]);
  const workers = Math.max(1, Math.min(memory.workers ?? 1, expandRuns(suite).length));
  if (largest && memory.warn && largest.bytes * workers > (memory.largeRunBytes ?? LARGE_RUN_BYTES)) {
    memory.warn(
      `warning: ${largest.where} needs about ${formatBytes(largest.bytes)} of weights, gradients and generators per run` +
        `, up to ${formatBytes(largest.bytes * workers)} with ${workers} worker${workers === 1 ? '' : 's'} at once`,
    );
  }
}

/** Whether the configuration's trainer would fit in memory (false too when it cannot be estimated). */
function fits(spec: RunSpec, dataset: Dataset, container: Container): boolean {
  try {
    assertTrainerFits(
      estimateTrainerMemory({ algorithm: spec.trainer, options: spec.options, network: spec.network }, dataset, spec.dtype, container.get(LayerRegistry)),
    );
    return true;
  } catch {
    return false;
  }
}

/** Builds the configuration's trainer once: undefined when it builds, else the error's message. */
function buildProblem(container: Container, dataset: Dataset, spec: RunSpec): string | undefined {
  // `async` stages run only on threads (`@synthgrad/parallel`); lock-step's trainer has the same layers and generators.
  const options = spec.trainer === 'dni' && spec.options.schedule === 'async' ? { ...spec.options, schedule: 'lock-step' } : spec.options;
  try {
    createTrainer(container, dataset, { algorithm: spec.trainer, options, network: spec.network, seed: spec.seed });
    return undefined;
  } catch (error) {
    return (error as Error).message;
  }
}

/** The network's loss, optimiser and initialiser must be registered; reported at the name. */
function checkNamedPlugins(
  network: NetworkSpec,
  networkPath: (field: keyof NetworkSpec) => PropertyKey[],
  container: Container,
  report: (path: readonly PropertyKey[], message: string) => void,
): void {
  if (network.loss !== undefined) {
    const losses = container.get(LossRegistry);
    if (!losses.has(network.loss)) report(networkPath('loss'), unknown('loss', network.loss, losses.names()));
  }
  for (const [field, registry] of [
    ['optimiser', container.get(OptimiserRegistry)],
    ['initialiser', container.get(InitialiserRegistry)],
  ] as const) {
    const spec = network[field];
    if (spec === undefined) continue;
    const name = typeof spec === 'string' ? spec : spec.name;
    const path = typeof spec === 'string' ? networkPath(field) : [...networkPath(field), 'name'];
    if (!registry.has(name)) report(path, unknown(field, name, registry.names()));
  }
}

/** Above this (the largest run's estimate × workers) a suite is large enough to warn about: 1 GiB. */
export const LARGE_RUN_BYTES = 1024 ** 3;

async function loadDataset(suite: Suite, container: Container, problems: string[]): Promise<Dataset | undefined> {
  const registry = container.get(DatasetRegistry);
  const { name, options } = suite.dataset;
  if (!registry.has(name)) {
    problems.push(`dataset.name: ${unknown('dataset', name, registry.names())}`);
    return undefined;
  }
  try {
    return await registry.get(name).load(options);
  } catch (error) {
    problems.push(`dataset.options: ${(error as Error).message}`);
    return undefined;
  }
}

function checkActivations(
  network: NetworkSpec,
  layersPath: readonly PropertyKey[],
  container: Container,
  report: (path: readonly PropertyKey[], message: string) => void,
): void {
  const registry = container.get(ActivationRegistry);
  const backend = container.get(TensorBackend);
  network.layers.forEach((layer, j) => {
    // Any kind's `activation` option (dense's), before the trainer is built.
    const activation = (layer as { readonly activation?: unknown }).activation;
    if (typeof activation !== 'string') return;
    try {
      resolveActivation(registry, activation, backend);
    } catch (error) {
      report([...layersPath, j, 'activation'], (error as Error).message);
    }
  });
}

/**
 * Every layer's kind must be registered in `container` (a plugin's kind too) and take the layer's
 * options; problems are reported at the layer's `type` or at the option.
 */
function checkLayerKinds(
  network: NetworkSpec,
  layersPath: readonly PropertyKey[],
  container: Container,
  report: (path: readonly PropertyKey[], message: string) => void,
): void {
  const kinds = container.get(LayerRegistry);
  network.layers.forEach((layer, j) => {
    const problem = layerSpecProblem(layer, kinds);
    if (problem) report(problem.key === undefined ? [...layersPath, j] : [...layersPath, j, problem.key], problem.message);
  });
}

/** `dni`'s `stages`: a count of stages or the layers of each; anything else is named before the trainer reads it. */
function checkStages(trainer: string, stages: unknown): string | undefined {
  if (trainer !== 'dni' || stages === undefined) return undefined;
  const count = (value: unknown) => typeof value === 'number' && Number.isInteger(value) && value >= 1;
  if (count(stages) || (Array.isArray(stages) && stages.length > 0 && stages.every(count))) return undefined;
  return `expected a number of stages (an integer ≥ 1) or the number of layers in each stage (a list such as [2, 1]), got ${JSON.stringify(stages)}`;
}

/** A schedule must compile and give a valid rate at the first and the last step (undefined = fine). */
function checkSchedule(schedule: unknown, path: string, epochs: number, steps: number): string | undefined {
  if (schedule === undefined) return undefined;
  if (typeof schedule !== 'number' && typeof schedule !== 'string') {
    return `expected a number or a mathjs expression of epoch and step, got ${JSON.stringify(schedule)}`;
  }
  try {
    const rate = compileSchedule(schedule, path);
    rate({ epoch: 0, step: 0 });
    if (epochs > 0) rate({ epoch: epochs - 1, step: Math.max(0, steps - 1) });
    return undefined;
  } catch (error) {
    return (error as Error).message.replace(`${path}: `, '');
  }
}

function unknown(kind: string, name: string, known: readonly string[]): string {
  return new UnknownPluginError(kind, name, known).message;
}
