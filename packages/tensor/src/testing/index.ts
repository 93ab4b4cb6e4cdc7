export { describeBackendContract } from './describeBackendContract.js';
export { describeBackendProperties, type BackendPropertiesOptions } from './describeBackendProperties.js';
export { expectMatrixClose } from './expectMatrixClose.js';
