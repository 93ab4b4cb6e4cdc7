import { CpuBackend, MathjsBackend, type TensorBackend } from '@synthgrad/tensor';

/** Both backends, for `describe.each(backends)('on $name', …)`. */
export const backends: readonly TensorBackend[] = [new CpuBackend(), new MathjsBackend()];

export const cpu: TensorBackend = backends[0];
export const mathjs: TensorBackend = backends[1];
