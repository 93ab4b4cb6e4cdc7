export {
  CONTRACT_LAYER_SHAPE,
  describeGeneratorInputContract,
  type GeneratorInputContractOptions,
} from './describeGeneratorInputContract.js';
export { randomGeneratorInputContext } from './randomGeneratorInputContext.js';
