export { arraysDataset, type ArraysDatasetOptions, type ArraysSplitFiles, type LabelColumn } from './arraysDataset.js';
export { arraysModule } from './arraysModule.js';
export { MAX_DATA_FILE_BYTES, readDataFile } from './readDataFile.js';
export { readTableFile, type ReadTableFileOptions } from './readTableFile.js';
