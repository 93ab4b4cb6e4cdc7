import type { TensorBackend } from '@synthgrad/tensor';
import type { Activation, ActivationRegistry } from './Activation.js';
import { FormulaActivation } from './FormulaActivation.js';

// Plugin names are kebab-case words; anything else (operators, parentheses, a bare `x`) is a formula.
const pluginName = /^[a-z][a-z0-9-]*$/;

/**
 * A registered name, else a mathjs formula of x; else UnknownPluginError listing the known names.
 *
 * A string that looks like a name (`"sigmod"`) and is not registered fails with the registry's
 * `UnknownPluginError`; one that looks like a formula but is not a usable one fails with a
 * {@link FormulaError} saying why.
 *
 * @example
 * ```ts
 * resolveActivation(registry, 'tanh', backend);               // the built-in
 * resolveActivation(registry, 'x / (1 + abs(x))', backend);   // a FormulaActivation
 * ```
 */
export function resolveActivation(
  registry: ActivationRegistry,
  nameOrFormula: string,
  backend: TensorBackend,
): Activation {
  if (registry.has(nameOrFormula) || (pluginName.test(nameOrFormula) && nameOrFormula !== 'x')) {
    return registry.get(nameOrFormula).create(backend);
  }
  return new FormulaActivation(backend, nameOrFormula);
}
