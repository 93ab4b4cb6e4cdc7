import { describe, expect, it } from 'vitest';
import { generatorInputNames } from './generatorInputNames.js';

describe('generatorInputNames', () => {
  it('finds names in lists, { name, options } and explicit combinations, with their paths', () => {
    const spec = ['labels', { name: 'batch-normalized-output', options: {} }, { name: 'combination', options: { inputs: ['inputs', ['mine']] } }];
    expect(generatorInputNames(spec, ['g'])).toEqual([
      { name: 'labels', path: ['g', 0] },
      { name: 'batch-normalized-output', path: ['g', 1, 'name'] },
      { name: 'combination', path: ['g', 2, 'name'] },
      { name: 'inputs', path: ['g', 2, 'options', 'inputs', 0] },
      { name: 'mine', path: ['g', 2, 'options', 'inputs', 1, 0] },
    ]);
    expect(generatorInputNames(undefined, [])).toEqual([]);
    expect(generatorInputNames(42, [])).toEqual([]);
  });
});
