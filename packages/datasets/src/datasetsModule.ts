import { DatasetPlugin } from '@synthgrad/core';
import { ContainerModule } from 'inversify';
import { binaryAdditionDataset } from './binaryAdditionDataset.js';

/**
 * Binds the built-in datasets (`binary-addition`) under core's `DatasetPlugin` token.
 *
 * @example
 * ```ts
 * const container = createContainer({ modules: [datasetsModule] });
 * const data = await container.get(DatasetRegistry).get('binary-addition').load({ bits: 8 });
 * ```
 */
export const datasetsModule = new ContainerModule((options) => {
  options.bind(DatasetPlugin).toConstantValue(binaryAdditionDataset);
});
