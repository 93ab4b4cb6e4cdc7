import { describe, expect, it } from 'vitest';
import { DuplicatePluginError, MissingModuleError, UnknownPluginError } from './errors.js';
import { PluginRegistry } from './PluginRegistry.js';

const plugin = (name: string) => ({ name, description: `the ${name} plugin` });

describe('PluginRegistry', () => {
  it('finds plugins by name and lists them sorted', () => {
    const registry = new PluginRegistry('widget', [plugin('b'), plugin('a')]);
    expect(registry.get('b').description).toBe('the b plugin');
    expect(registry.has('a')).toBe(true);
    expect(registry.has('c')).toBe(false);
    expect(registry.names()).toEqual(['a', 'b']);
    expect(registry.list().map((p) => p.name)).toEqual(['a', 'b']);
  });

  it('names the unknown key and lists the known ones', () => {
    const registry = new PluginRegistry('generator input', [plugin('labels'), plugin('layer-output')]);
    expect(() => registry.get('lables')).toThrow(UnknownPluginError);
    expect(() => registry.get('lables')).toThrow(
      'unknown generator input "lables"; known: "labels", "layer-output"',
    );
  });

  it('suggests the nearest registered names for a typo, and none for a far name', () => {
    const registry = new PluginRegistry('optimiser', [plugin('adam'), plugin('sgd'), plugin('momentum'), plugin('rmsprop')]);
    expect(() => registry.get('adma')).toThrow(
      new UnknownPluginError('optimiser', 'adma', ['adam', 'momentum', 'rmsprop', 'sgd']),
    );
    expect(() => registry.get('adma')).toThrow(/; known: "adam", "momentum", "rmsprop", "sgd"; did you mean "adam"\?$/);
    expect(() => registry.get('lbfgs')).toThrow(/known: "adam", "momentum", "rmsprop", "sgd"$/);
    try {
      registry.get('rmsprp');
    } catch (error) {
      expect((error as UnknownPluginError).suggestions).toEqual(['rmsprop']);
    }
    expect.assertions(4);
  });

  it('names the module of the built-ins when it knows it and nothing is registered', () => {
    const builtIns = { module: 'generatorInputsModule', package: '@synthgrad/generator-inputs' };
    const empty = new PluginRegistry('generator input', [], builtIns);
    expect(() => empty.get('labels')).toThrow(MissingModuleError);
    expect(() => empty.get('labels')).toThrow(
      'GeneratorInputPlugin is not bound: load generatorInputsModule from @synthgrad/generator-inputs',
    );
    // With a plugin registered (a user's own, say), an unknown name lists the known ones as usual.
    expect(() => new PluginRegistry('generator input', [plugin('mine')], builtIns).get('labels')).toThrow(
      'unknown generator input "labels"; known: "mine"',
    );
  });

  it('says when nothing is registered', () => {
    expect(() => new PluginRegistry('dataset', []).get('mnist')).toThrow(
      'unknown dataset "mnist"; known: (none registered)',
    );
  });

  it('refuses two plugins with one name', () => {
    expect(() => new PluginRegistry('trainer', [plugin('dni'), plugin('dni')])).toThrow(DuplicatePluginError);
    expect(() => new PluginRegistry('trainer', [plugin('dni'), plugin('dni')])).toThrow(/two trainer plugins are named "dni"/);
  });
});
