export { DataFormatError } from './DataFormatError.js';
export { BINARY_ADDITION_MAX_EXAMPLES, binaryAdditionDataset, type BinaryAdditionOptions } from './binaryAdditionDataset.js';
export { datasetFromArrays, type ArraySplit, type ArrayTable, type DatasetFromArraysOptions } from './datasetFromArrays.js';
export { datasetsModule } from './datasetsModule.js';
export { decodeBits } from './decodeBits.js';
export { encodeBits } from './encodeBits.js';
export { parseNumericCsv, type NumericCsv, type ParseNumericCsvOptions } from './parseNumericCsv.js';
