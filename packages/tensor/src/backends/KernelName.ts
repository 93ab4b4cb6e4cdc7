import type { TensorBackend } from '../TensorBackend.js';

/** The ops of {@link TensorBackend}, each a kernel a backend may implement or leave to the reference. */
export const KERNEL_NAMES = [
  'matmul',
  'add',
  'sub',
  'mul',
  'scale',
  'addScaled',
  'addRowVector',
  'mulRowVector',
  'map',
  'sigmoid',
  'sigmoidBackward',
  'tanh',
  'tanhBackward',
  'relu',
  'reluBackward',
  'sumColumns',
  'meanColumns',
  'varianceColumns',
  'dot',
  'concatColumns',
  'gatherRows',
  'argmaxRows',
  'clip',
  'allFinite',
] as const satisfies ReadonlyArray<keyof TensorBackend>;

/** The name of one op of {@link TensorBackend}: `'matmul'`, `'add'`, … */
export type KernelName = (typeof KERNEL_NAMES)[number];

/** Every kernel of {@link TensorBackend}: what {@link completeBackend} adds to a partial backend. */
export type BackendKernels = Pick<TensorBackend, KernelName>;

// Every op of TensorBackend is a kernel: adding an op without naming it here fails to compile.
type UnnamedOps = Exclude<keyof TensorBackend, KernelName | 'name' | 'dtype' | 'zeros'>;
const everyOpNamed: [UnnamedOps] extends [never] ? true : UnnamedOps = true;
void everyOpNamed;
