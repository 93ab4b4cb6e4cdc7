export { WasmBackend, type WasmBackendOptions } from './WasmBackend.js';
export { tensorWasmModule } from './tensorWasmModule.js';
