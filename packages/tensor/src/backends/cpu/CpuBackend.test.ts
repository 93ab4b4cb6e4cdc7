// Imported through the package's own `./testing` export, as another backend's tests would.
import { describeBackendContract } from '@synthgrad/tensor/testing';
import { CpuBackend } from './CpuBackend.js';

describeBackendContract('cpu', () => new CpuBackend());
