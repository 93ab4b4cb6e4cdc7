import { datasetsModule } from '@synthgrad/datasets';
import { generatorInputsModule } from '@synthgrad/generator-inputs';
import { layersModule } from '@synthgrad/layers';
import { tensorWasmModule } from '@synthgrad/tensor-wasm';
import { trainersModule } from '@synthgrad/trainers';
import type { ContainerModule } from 'inversify';

/** Every built-in module, in load order. */
export const builtInModules: readonly ContainerModule[] = [
  layersModule,
  generatorInputsModule,
  datasetsModule,
  trainersModule,
  tensorWasmModule,
];
