export { MAX_MANIFEST_BYTES, readTrainerFolder } from './readTrainerFolder.js';
export { writeTrainerFolder } from './writeTrainerFolder.js';
