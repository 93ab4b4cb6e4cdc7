import type { ServiceIdentifier } from 'inversify';
import { ContainerModule } from 'inversify';
import { describe, expect, it } from 'vitest';
import { boundBy } from './boundBy.js';
import { createContainer } from './createContainer.js';
import { DatasetRegistry } from './Dataset.js';
import { MissingModuleError } from './errors.js';
import { GeneratorInputRegistry } from './GeneratorInput.js';
import { TrainerAlgorithmRegistry } from './TrainerAlgorithm.js';

const Thing: ServiceIdentifier<{ value: number }> = boundBy(Symbol.for('synthgrad.test.Thing'), {
  module: 'thingModule',
  package: '@synthgrad/thing',
});
const UsesThing: ServiceIdentifier<{ twice: number }> = Symbol.for('synthgrad.test.UsesThing');
const usesThingModule = new ContainerModule((options) => {
  options.bind(UsesThing).toResolvedValue((thing: { value: number }) => ({ twice: 2 * thing.value }), [Thing]);
});
const thingModule = new ContainerModule((options) => {
  options.bind(Thing).toConstantValue({ value: 21 });
});

describe('a container missing a module', () => {
  it('names the module to load when the token itself is asked for', () => {
    const container = createContainer();
    expect(() => container.get(Thing)).toThrow(MissingModuleError);
    expect(() => container.get(Thing)).toThrow('test.Thing is not bound: load thingModule from @synthgrad/thing');
  });

  it('names the module when a binding depends on the unbound token', () => {
    const container = createContainer({ modules: [usesThingModule] });
    expect(() => container.get(UsesThing)).toThrow('test.Thing is not bound: load thingModule from @synthgrad/thing');
  });

  it('resolves once the module is loaded, and leaves other errors alone', () => {
    expect(createContainer({ modules: [usesThingModule, thingModule] }).get(UsesThing)).toEqual({ twice: 42 });
    const unknown: ServiceIdentifier<number> = Symbol.for('synthgrad.test.Unrecorded');
    expect(() => createContainer().get(unknown)).toThrow(/No bindings found/);
  });

  it("names the package module when one of core's registries is empty", () => {
    const container = createContainer();
    expect(() => container.get(GeneratorInputRegistry).get('labels')).toThrow(
      'GeneratorInputPlugin is not bound: load generatorInputsModule from @synthgrad/generator-inputs',
    );
    expect(() => container.get(DatasetRegistry).get('binary-addition')).toThrow(
      'DatasetPlugin is not bound: load datasetsModule from @synthgrad/datasets',
    );
    expect(() => container.get(TrainerAlgorithmRegistry).get('dni')).toThrow(
      'TrainerAlgorithmPlugin is not bound: load trainersModule from @synthgrad/trainers',
    );
  });
});
