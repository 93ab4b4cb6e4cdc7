export { WasmBackend, type WasmBackendOptions } from './WasmBackend.js';
export { tensorWasmModule } from './tensorWasmModule.js';
export { wasmBackendLoads } from './wasmBackendLoads.js';
