// The kernels' exports: every function takes byte offsets into the (imported, shared) memory.
export { gemm, gemm32, gemmAdd, gemmAdd32, GEMM_WORK_BYTES } from './gemm';
export { gemmChunks, CONTROL_BYTES } from './gemmChunks';
export * from './generated/elementwise';
export { allFinite, dot, meanColumns, sumColumns, varianceColumns } from './reductions';
export { allFinite32, dot32, meanColumns32, sumColumns32, varianceColumns32 } from './reductions32';
