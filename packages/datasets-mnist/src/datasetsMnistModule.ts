import { DatasetPlugin } from '@synthgrad/core';
import { ContainerModule } from 'inversify';
import { mnistDataset } from './mnistDataset.js';

/**
 * Binds `mnist` under core's `DatasetPlugin` token.
 *
 * @example
 * ```ts
 * const container = createContainer({ modules: [datasetsMnistModule] });
 * const data = await container.get(DatasetRegistry).get('mnist').load({ trainSize: 1000, testSize: 500 });
 * ```
 */
export const datasetsMnistModule = new ContainerModule((options) => {
  options.bind(DatasetPlugin).toConstantValue(mnistDataset);
});
