import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError, MissingModuleError, SynthgradError, UnknownPluginError } from './errors.js';

type ErrorsModule = typeof import('./errors.js');

describe('synthgrad errors across two copies of @synthgrad/core', () => {
  // A second copy of the module, as a plugin with its own install of the package would load.
  let dir: string;
  let copy: ErrorsModule;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'synthgrad-errors-'));
    copyFileSync(fileURLToPath(new URL('./errors.ts', import.meta.url)), join(dir, 'errors.ts'));
    copyFileSync(fileURLToPath(new URL('./nearestNames.ts', import.meta.url)), join(dir, 'nearestNames.ts'));
    copy = (await import(join(dir, 'errors.ts'))) as ErrorsModule;
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('is a real second copy: its classes are not ours', () => {
    expect(copy.ConfigError).not.toBe(ConfigError);
    expect(Object.getPrototypeOf(new copy.ConfigError('a', 'b'))).not.toBe(ConfigError.prototype);
  });

  it("holds instanceof for the other copy's errors, class by class", () => {
    const theirs = new copy.ConfigError('dni.generatorInput', 'expected a name');
    expect(theirs instanceof SynthgradError).toBe(true);
    expect(theirs instanceof ConfigError).toBe(true);
    expect(theirs instanceof UnknownPluginError).toBe(false);
    expect(theirs instanceof MissingModuleError).toBe(false);
    expect(new ConfigError('x', 'y') instanceof copy.ConfigError).toBe(true);
    expect(new copy.UnknownPluginError('trainer', 'dnii', ['dni']) instanceof ConfigError).toBe(false);
    expect(new copy.UnknownPluginError('trainer', 'dnii', ['dni']) instanceof UnknownPluginError).toBe(true);
  });

  it('does not take other errors for synthgrad errors', () => {
    expect(new Error('x') instanceof SynthgradError).toBe(false);
    expect(new RangeError('x') instanceof ConfigError).toBe(false);
    // Same class name, no mark: not ours.
    class ConfigErrorLookalike extends Error {}
    Object.defineProperty(ConfigErrorLookalike, 'name', { value: 'ConfigError' });
    expect(new ConfigErrorLookalike('x') instanceof ConfigError).toBe(false);
    expect((null as unknown as object) instanceof SynthgradError).toBe(false);
    expect(({}) instanceof SynthgradError).toBe(false);
    expect(('ConfigError' as unknown as object) instanceof SynthgradError).toBe(false);
  });

  it('keeps plain instanceof within one copy', () => {
    const error = new MissingModuleError('ActivationRegistry', 'layersModule', '@synthgrad/layers');
    expect(error instanceof MissingModuleError).toBe(true);
    expect(error instanceof SynthgradError).toBe(true);
    expect(error instanceof Error).toBe(true);
    expect(error instanceof ConfigError).toBe(false);
    expect(error.name).toBe('MissingModuleError');
  });
});
