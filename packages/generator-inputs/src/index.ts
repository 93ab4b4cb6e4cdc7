export {
  BatchNormalizedOutput,
  batchNormalizedOutputGeneratorInput,
  type BatchNormalizedOutputOptions,
} from './batchNormalizedOutputGeneratorInput.js';
export {
  Combination,
  combinationGeneratorInput,
  type CombinationOptions,
  type CombinationPart,
} from './combinationGeneratorInput.js';
export { createGeneratorInput } from './createGeneratorInput.js';
export { generatorInputsModule } from './generatorInputsModule.js';
export { inputsGeneratorInput } from './inputsGeneratorInput.js';
export { labelsGeneratorInput } from './labelsGeneratorInput.js';
export { layerOutputGeneratorInput } from './layerOutputGeneratorInput.js';
