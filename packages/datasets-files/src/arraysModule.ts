import { DatasetPlugin } from '@synthgrad/core';
import { ContainerModule } from 'inversify';
import { arraysDataset } from './arraysDataset.js';

/**
 * Binds `arrays` (your own data from `.csv` / `.npy` files; Node only) under core's `DatasetPlugin` token.
 *
 * @example
 * ```ts
 * const container = createContainer({ modules: [datasetsModule, arraysModule] });
 * const data = await container.get(DatasetRegistry).get('arrays').load({ train: 'train.csv', test: 'test.csv', baseDir: '/data' });
 * ```
 */
export const arraysModule = new ContainerModule((options) => {
  options.bind(DatasetPlugin).toConstantValue(arraysDataset);
});
