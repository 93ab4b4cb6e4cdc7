export { describeBackendContract } from './describeBackendContract.js';
export { expectMatrixClose } from './expectMatrixClose.js';
