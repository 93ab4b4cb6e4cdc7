import type { Container } from 'inversify';
import {
  ActivationRegistry,
  DatasetRegistry,
  GeneratorInputRegistry,
  InitialiserRegistry,
  LayerRegistry,
  LossRegistry,
  OptimiserRegistry,
  TensorBackendRegistry,
  TrainerAlgorithmRegistry,
  UnknownPluginError,
} from 'synthgrad';
import { generatorInputNames } from './generatorInputNames.js';
import { jsonPath } from './jsonPath.js';

/** The registries a suite names plugins of: `has` and `names` are all a check needs. */
interface Names {
  has(name: string): boolean;
  names(): string[];
}

/**
 * Every plugin name of a suite's JSON that `container` does not know, each at its JSON path with
 * the nearest known names: the dataset, the backend, each configuration's trainer and generator inputs, and the
 * layer kinds, activations, loss, optimiser and initialiser of the suite's network and of each
 * configuration's override. It reads the data as found (a suite that failed its schema, too) and
 * skips whatever is not where or what a suite has it, so a schema problem and the unknown names can
 * be reported in one round.
 *
 * @example
 * ```ts
 * suiteNameProblems({ dataset: { name: 'mnsit' } }, container);
 * // ['dataset.name: unknown dataset "mnsit"; known: "arrays", "binary-addition", "mnist"; did you mean "mnist"?']
 * ```
 */
export function suiteNameProblems(data: unknown, container: Container): string[] {
  const problems: string[] = [];
  const check = (registry: Names, kind: string, name: unknown, path: readonly PropertyKey[], label?: string) => {
    if (typeof name !== 'string' || name === '' || registry.has(name)) return;
    const where = label === undefined ? jsonPath(path) : `${jsonPath(path)} (configuration "${label}")`;
    problems.push(`${where}: ${new UnknownPluginError(kind, name, registry.names()).message}`);
  };
  const suite = record(data);
  check(container.get(DatasetRegistry), 'dataset', record(suite.dataset).name, ['dataset', 'name']);
  check(container.get(TensorBackendRegistry), 'tensor backend', suite.backend, ['backend']);
  checkNetwork(suite.network, ['network'], container, check);
  const runs = Array.isArray(suite.runs) ? suite.runs : [];
  runs.forEach((value, i) => {
    const run = record(value);
    const label = typeof run.label === 'string' ? run.label : undefined;
    const at = (path: readonly PropertyKey[]) => ['runs', i, ...path];
    check(container.get(TrainerAlgorithmRegistry), 'trainer', run.trainer, at(['trainer']), label);
    const inputs = container.get(GeneratorInputRegistry);
    for (const { name, path } of generatorInputNames(record(run.options).generatorInput, at(['options', 'generatorInput']))) {
      check(inputs, 'generator input', name, path, label);
    }
    checkNetwork(run.network, at(['network']), container, (registry, kind, name, path) => check(registry, kind, name, path, label));
  });
  return problems;
}

function checkNetwork(
  value: unknown,
  path: readonly PropertyKey[],
  container: Container,
  check: (registry: Names, kind: string, name: unknown, path: readonly PropertyKey[]) => void,
): void {
  const network = record(value);
  const layers = Array.isArray(network.layers) ? network.layers : [];
  const kinds = container.get(LayerRegistry);
  const activations = container.get(ActivationRegistry);
  layers.forEach((layer, j) => {
    const { type, activation } = record(layer);
    check(kinds, 'layer kind', type, [...path, 'layers', j, 'type']);
    // An activation is a name or a formula of x (`"x * sigmoid(x)"`): only a plain name can be unknown.
    if (typeof activation === 'string' && ACTIVATION_NAME.test(activation) && activation !== 'x') {
      check(activations, 'activation', activation, [...path, 'layers', j, 'activation']);
    }
  });
  check(container.get(LossRegistry), 'loss', network.loss, [...path, 'loss']);
  for (const [field, registry, kind] of [
    ['optimiser', container.get(OptimiserRegistry), 'optimiser'],
    ['initialiser', container.get(InitialiserRegistry), 'initialiser'],
  ] as const) {
    const spec = network[field];
    if (typeof spec === 'string') check(registry, kind, spec, [...path, field]);
    else check(registry, kind, record(spec).name, [...path, field, 'name']);
  }
}

/** What `resolveActivation` takes as a plugin's name rather than a formula. */
const ACTIVATION_NAME = /^[a-z][a-z0-9-]*$/;

function record(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}
