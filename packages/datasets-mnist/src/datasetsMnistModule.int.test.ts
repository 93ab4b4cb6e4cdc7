import { createContainer, DatasetRegistry } from '@synthgrad/core';
import { describe, expect, it } from 'vitest';
import { datasetsMnistModule } from './datasetsMnistModule.js';

describe('datasetsMnistModule', () => {
  it('makes mnist resolvable by name', async () => {
    const registry = createContainer({ modules: [datasetsMnistModule] }).get(DatasetRegistry);
    expect(registry.names()).toEqual(['mnist']);
    const data = await registry.get('mnist').load({ trainSize: 100, testSize: 50 });
    expect(data.task).toBe('classification');
    expect(data.train.inputs.shape).toBe('100×784');
    expect(data.test.labels.shape).toBe('50×10');
  });
});
