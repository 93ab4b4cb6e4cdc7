import type { GeneratorInputPlugin } from '@synthgrad/core';
import { batchNormalizedOutputGeneratorInput } from './batchNormalizedOutputGeneratorInput.js';
import { combinationGeneratorInput } from './combinationGeneratorInput.js';
import { inputsGeneratorInput } from './inputsGeneratorInput.js';
import { labelsGeneratorInput } from './labelsGeneratorInput.js';
import { layerOutputGeneratorInput } from './layerOutputGeneratorInput.js';

/** Every built-in generator input, in the order `generatorInputsModule` binds them. */
export const builtInGeneratorInputs: readonly GeneratorInputPlugin[] = [
  layerOutputGeneratorInput,
  labelsGeneratorInput,
  inputsGeneratorInput,
  batchNormalizedOutputGeneratorInput,
  combinationGeneratorInput,
];
