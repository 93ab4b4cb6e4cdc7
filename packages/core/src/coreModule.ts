import { CpuBackend, MathjsBackend } from '@synthgrad/tensor';
import { ContainerModule } from 'inversify';
import { bindPluginRegistry } from './bindPluginRegistry.js';
import { DatasetPlugin, DatasetRegistry } from './Dataset.js';
import { GeneratorInputPlugin, GeneratorInputRegistry } from './GeneratorInput.js';
import { TensorBackendPlugin, TensorBackendRegistry } from './TensorBackendPlugin.js';
import { TrainerAlgorithmPlugin, TrainerAlgorithmRegistry } from './TrainerAlgorithm.js';

/** The registries of the core plugin kinds, and the `cpu` and `mathjs` backends. */
export const coreModule = new ContainerModule((options) => {
  bindPluginRegistry(options, TensorBackendRegistry, TensorBackendPlugin, 'tensor backend');
  // The packages whose modules register the built-ins of each kind, named when a registry is empty.
  bindPluginRegistry(options, GeneratorInputRegistry, GeneratorInputPlugin, 'generator input', {
    module: 'generatorInputsModule',
    package: '@synthgrad/generator-inputs',
  });
  bindPluginRegistry(options, DatasetRegistry, DatasetPlugin, 'dataset', { module: 'datasetsModule', package: '@synthgrad/datasets' });
  bindPluginRegistry(options, TrainerAlgorithmRegistry, TrainerAlgorithmPlugin, 'trainer', {
    module: 'trainersModule',
    package: '@synthgrad/trainers',
  });

  options.bind(TensorBackendPlugin).toConstantValue({
    name: 'cpu',
    description: 'typed-array kernels in JavaScript (default)',
    dtypes: ['float64', 'float32'],
    create: (backendOptions) => new CpuBackend(backendOptions),
  });
  options.bind(TensorBackendPlugin).toConstantValue({
    name: 'mathjs',
    description: 'mathjs matrices: slow, the reference for tests and a bridge for mathjs users',
    create: () => new MathjsBackend(),
  });
});
