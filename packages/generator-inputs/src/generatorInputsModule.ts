import { GeneratorInputPlugin } from '@synthgrad/core';
import { ContainerModule } from 'inversify';
import { builtInGeneratorInputs } from './builtInGeneratorInputs.js';

/**
 * Binds the built-in generator inputs (`layer-output`, `labels`, `inputs`, `batch-normalized-output`,
 * `combination`) under core's `GeneratorInputPlugin` token, so `GeneratorInputRegistry` finds them by name.
 *
 * @example
 * ```ts
 * const container = createContainer({ modules: [generatorInputsModule] });
 * container.get(GeneratorInputRegistry).names(); // ['batch-normalized-output', 'combination', 'inputs', 'labels', 'layer-output']
 * ```
 */
export const generatorInputsModule = new ContainerModule((options) => {
  for (const plugin of builtInGeneratorInputs) options.bind(GeneratorInputPlugin).toConstantValue(plugin);
});
