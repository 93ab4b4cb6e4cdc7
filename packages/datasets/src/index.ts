export { binaryAdditionDataset, type BinaryAdditionOptions } from './binaryAdditionDataset.js';
export { datasetsModule } from './datasetsModule.js';
export { decodeBits } from './decodeBits.js';
export { encodeBits } from './encodeBits.js';
