export { readTrainerFolder } from './readTrainerFolder.js';
export { writeTrainerFolder } from './writeTrainerFolder.js';
