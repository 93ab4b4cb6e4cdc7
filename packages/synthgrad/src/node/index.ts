export { exportOnnxFile } from './exportOnnxFile.js';
export { loadModel, type LoadedModel, type LoadModelOptions } from './loadModel.js';
export { saveModel, type SaveModelSource } from './saveModel.js';
export { synthgradVersion } from './synthgradVersion.js';
