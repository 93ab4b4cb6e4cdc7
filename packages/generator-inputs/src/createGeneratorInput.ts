import {
  ConfigError,
  type GeneratorInput,
  type GeneratorInputEnvironment,
  type GeneratorInputRegistry,
  type GeneratorInputSpec,
  type LayerShape,
} from '@synthgrad/core';
import type { TensorBackend } from '@synthgrad/tensor';
import { describeValue } from '@synthgrad/core';

const PATH = 'generatorInput';
const EXPECTED = 'expected a name ("labels"), a list to combine (["labels", "layer-output"]) or { name, options }';

/**
 * Builds one layer's generator input from a spec, as configurations write it:
 * - `"labels"`: that plugin, no options;
 * - `["labels", "batch-normalized-output"]`: the `combination` plugin with those parts;
 * - `{ name: "batch-normalized-output", options: { momentum: 0.99 } }`: that plugin with options.
 *
 * Plugins get an environment with `backend` and a `create` that resolves nested specs the same way.
 * An unknown name throws core's `UnknownPluginError` listing the known names; a malformed spec
 * (empty list, number, object without a name) throws core's `ConfigError` saying what was wrong.
 *
 * @example
 * ```ts
 * const container = createContainer({ modules: [generatorInputsModule] });
 * const input = createGeneratorInput(container.get(GeneratorInputRegistry), ['labels', 'layer-output'], shape,
 *   container.get(TensorBackend));
 * input.features(context); // batch × (labelSize + outputSize)
 * ```
 */
export function createGeneratorInput(
  registry: GeneratorInputRegistry,
  spec: GeneratorInputSpec,
  shape: LayerShape,
  backend: TensorBackend,
): GeneratorInput {
  const environment: GeneratorInputEnvironment = {
    backend,
    create(partSpec, partShape) {
      const { name, options } = resolveSpec(partSpec);
      return registry.get(name).create(partShape, options, environment);
    },
  };
  return environment.create(spec, shape);
}

function resolveSpec(spec: unknown): { name: string; options: unknown } {
  if (typeof spec === 'string') {
    if (spec === '') throw new ConfigError(PATH, `${EXPECTED}; got an empty name`);
    return { name: spec, options: undefined };
  }
  if (Array.isArray(spec)) {
    if (spec.length === 0) throw new ConfigError(PATH, `an empty list combines nothing; ${EXPECTED}`);
    return { name: 'combination', options: { inputs: spec } };
  }
  if (typeof spec === 'object' && spec !== null) {
    const { name, options } = spec as { name?: unknown; options?: unknown };
    if (typeof name !== 'string' || name === '') {
      throw new ConfigError(PATH, `${EXPECTED}; got an object without a "name": ${describeValue(spec)}`);
    }
    return { name, options };
  }
  throw new ConfigError(PATH, `${EXPECTED}; got ${describeValue(spec)}`);
}
