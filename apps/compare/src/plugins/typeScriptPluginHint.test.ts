import { describe, expect, it } from 'vitest';
import { typeScriptPluginHint } from './typeScriptPluginHint.js';

describe('typeScriptPluginHint', () => {
  it('tells how to load a .ts plugin when Node refuses its extension, naming the .js to use', () => {
    const hint = typeScriptPluginHint({ code: 'ERR_UNKNOWN_FILE_EXTENSION' }, '/p/my-input.ts');
    expect(hint).toContain('a TypeScript file');
    expect(hint).toContain('name "/p/my-input.js" instead');
    expect(typeScriptPluginHint({ code: 'ERR_UNKNOWN_FILE_EXTENSION' }, '/p/my-input.mts')).toContain('"/p/my-input.mjs"');
  });

  it('says nothing of other failures', () => {
    expect(typeScriptPluginHint({ code: 'ERR_MODULE_NOT_FOUND' }, '/p/my-input.ts')).toBeUndefined();
    expect(typeScriptPluginHint({ code: 'ERR_UNKNOWN_FILE_EXTENSION' }, '/p/data.csv')).toBeUndefined();
  });
});
