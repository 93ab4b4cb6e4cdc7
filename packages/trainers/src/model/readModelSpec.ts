import { FormatError } from '@synthgrad/layers';
import type { TrainerManifest } from '../state/SavedTrainer.js';
import type { ModelSpec } from './ModelSpec.js';

const TASKS = ['binary-digits', 'classification'];
const DTYPES = ['float64', 'float32'];

/**
 * The {@link ModelSpec} a manifest keeps (`saveModelState`), checked field by field. A manifest
 * without one (saved before models described themselves) is a `FormatError` that says how to load
 * it the old way; `where` (the folder or file) starts every message.
 *
 * @example
 * ```ts
 * const { manifest } = await readTrainerFolder('models/adder');
 * readModelSpec(manifest, 'models/adder').dataset.inputSize; // 8
 * ```
 */
export function readModelSpec(manifest: TrainerManifest, where: string): ModelSpec {
  const fail = (field: string, message: string): never => {
    throw new FormatError(`${where}: manifest.json field "${field}" ${message}`);
  };
  const model = (manifest as { model?: unknown }).model;
  if (model === undefined) {
    fail(
      'model',
      'is missing: this trainer was saved without its spec (before models described themselves), so it cannot be rebuilt from the folder alone. ' +
        'Load it the old way: `const trainer = createTrainer(container, dataset, spec)` with the spec and dataset it was trained with, then ' +
        '`loadTrainerState(trainer, await readTrainerFolder(folder))`; save it again with `saveModelState` (or `saveModel`) to make it self-describing',
    );
  }
  if (!isObject(model)) fail('model', `must be an object, got ${JSON.stringify(model)}`);
  const m = model as Record<string, unknown>;
  const trainer = m.trainer;
  if (!isObject(trainer)) return fail('model.trainer', 'is missing or not an object (expected { algorithm, options, network, seed })');
  if (typeof trainer.algorithm !== 'string' || trainer.algorithm === '') fail('model.trainer.algorithm', 'is missing or not a trainer name');
  if (trainer.algorithm !== manifest.algorithm) {
    fail('model.trainer.algorithm', `is "${String(trainer.algorithm)}" but the manifest's "algorithm" is "${manifest.algorithm}"`);
  }
  if (!isObject(trainer.network) || !Array.isArray(trainer.network.layers)) fail('model.trainer.network', 'is missing or has no "layers" array');
  if (trainer.seed !== undefined && !Number.isInteger(trainer.seed)) fail('model.trainer.seed', `must be an integer, got ${JSON.stringify(trainer.seed)}`);
  const dataset = m.dataset;
  if (!isObject(dataset)) return fail('model.dataset', 'is missing or not an object (expected { name, task, inputSize, labelSize })');
  if (typeof dataset.name !== 'string') fail('model.dataset.name', 'is missing or not a string');
  if (!TASKS.includes(dataset.task as string)) fail('model.dataset.task', `is ${JSON.stringify(dataset.task)}; expected one of ${TASKS.map((t) => `"${t}"`).join(', ')}`);
  for (const key of ['inputSize', 'labelSize'] as const) {
    const size = dataset[key];
    if (typeof size !== 'number' || !Number.isInteger(size) || size < 1) fail(`model.dataset.${key}`, `must be a positive integer, got ${JSON.stringify(size)}`);
  }
  if (!DTYPES.includes(m.dtype as string)) fail('model.dtype', `is ${JSON.stringify(m.dtype)}; expected "float64" or "float32"`);
  if (m.backend !== undefined && typeof m.backend !== 'string') fail('model.backend', `must be a backend name, got ${JSON.stringify(m.backend)}`);
  if (typeof m.synthgradVersion !== 'string') fail('model.synthgradVersion', 'is missing or not a string');
  return model as ModelSpec;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
