import { describeBackendContract } from '../../testing/index.js';
import { CpuBackend } from './CpuBackend.js';

describeBackendContract('cpu', () => new CpuBackend());
