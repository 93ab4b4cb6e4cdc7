import { describeBackendContract } from '@synthgrad/tensor/testing';
import { WasmBackend } from './WasmBackend.js';

describeBackendContract('wasm', () => new WasmBackend());
