import { createContainer, MissingModuleError } from '@synthgrad/core';
import { datasetsModule, binaryAdditionDataset } from '@synthgrad/datasets';
import { generatorInputsModule } from '@synthgrad/generator-inputs';
import { layersModule } from '@synthgrad/layers';
import { describe, expect, it } from 'vitest';
import { createTrainer, trainersModule } from '../src/index.js';

const network = { layers: [{ units: 4, activation: 'sigmoid' }] };

describe('createTrainer on a container missing a module', () => {
  it('names layersModule when the layer registries are not bound', async () => {
    const container = createContainer({ modules: [generatorInputsModule, datasetsModule, trainersModule] });
    const dataset = await binaryAdditionDataset.load({ bits: 4, trainSize: 20, testSize: 10 });
    const create = () => createTrainer(container, dataset, { algorithm: 'backprop', network });
    expect(create).toThrow(MissingModuleError);
    expect(create).toThrow('ActivationRegistry is not bound: load layersModule from @synthgrad/layers');
  });

  it('names trainersModule when no trainer is registered', async () => {
    const container = createContainer({ modules: [layersModule, generatorInputsModule] });
    const dataset = await binaryAdditionDataset.load({ bits: 4, trainSize: 20, testSize: 10 });
    expect(() => createTrainer(container, dataset, { algorithm: 'dni', network })).toThrow(
      'TrainerAlgorithmPlugin is not bound: load trainersModule from @synthgrad/trainers',
    );
  });
});
