export { gemm, GEMM_WORK_BYTES } from './gemm';
