import { createContainer, DatasetRegistry } from '@synthgrad/core';
import { describe, expect, it } from 'vitest';
import { datasetsModule } from './datasetsModule.js';

describe('datasetsModule', () => {
  it('makes binary-addition resolvable by name', async () => {
    const registry = createContainer({ modules: [datasetsModule] }).get(DatasetRegistry);
    expect(registry.names()).toEqual(['binary-addition']);
    const data = await registry.get('binary-addition').load({ bits: 6, trainSize: 10, testSize: 5 });
    expect(data.train.inputs.shape).toBe('10×12');
    expect(data.test.labels.shape).toBe('5×6');
  });
});
