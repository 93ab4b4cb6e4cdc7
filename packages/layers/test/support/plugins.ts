import { PluginRegistry } from '@synthgrad/core';
import type { TensorBackend } from '@synthgrad/tensor';
import { builtinActivations } from '../../src/builtinActivations.js';
import { builtinInitialisers } from '../../src/builtinInitialisers.js';
import { builtinOptimisers } from '../../src/builtinOptimisers.js';
import type { Activation } from '../../src/Activation.js';
import type { Initialiser } from '../../src/Initialiser.js';
import type { Optimiser } from '../../src/Optimiser.js';
import { resolveActivation } from '../../src/resolveActivation.js';

/** Registries of the built-ins, as a container would give them, for unit tests without one. */
export const activations = new PluginRegistry('activation', builtinActivations);
export const initialisers = new PluginRegistry('initialiser', builtinInitialisers);
export const optimisers = new PluginRegistry('optimiser', builtinOptimisers);

export const activation = (backend: TensorBackend, nameOrFormula: string): Activation =>
  resolveActivation(activations, nameOrFormula, backend);
export const initialiser = (name: string): Initialiser => initialisers.get(name).create();
export const optimiser = (backend: TensorBackend, name = 'sgd', options?: Record<string, unknown>): Optimiser =>
  optimisers.get(name).create(backend, options);
