export { BlasBackend, type BlasBackendOptions } from './BlasBackend.js';
export { OPENBLAS_INSTALL_HINT } from './openBlas.js';
export { tensorBlasModule } from './tensorBlasModule.js';
