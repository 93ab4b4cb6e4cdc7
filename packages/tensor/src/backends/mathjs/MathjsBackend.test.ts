import { describeBackendContract } from '../../testing/index.js';
import { MathjsBackend } from './MathjsBackend.js';

describeBackendContract('mathjs', () => new MathjsBackend());
