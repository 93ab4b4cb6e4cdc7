export declare const PACKAGE_ROOT: string;
export declare const ASSEMBLY_ENTRY: string;
export declare const GENERATED_ELEMENTWISE: string;
export declare const GENERATED_MICROKERNEL: string;
export declare const GENERATED_MODULE: string;
export declare const MAXIMUM_PAGES: number;
export declare const ASC_FLAGS: readonly string[];
export declare const ELEMENTWISE_OPS: readonly { name: string; operands: 1 | 2; scalars?: readonly string[]; steps: readonly string[]; float32?: { steps: readonly string[] } }[];
export declare const ROW_VECTOR_OPS: readonly { name: string; steps: readonly string[] }[];
export declare function generateElementwise(): string;
export interface KernelBuilds {
  readonly plain: Uint8Array;
  readonly shared: Uint8Array;
}
export declare function compileKernels(options: { shared: boolean; baseDir?: string }): Promise<Uint8Array>;
export declare function compileAllKernels(baseDir?: string): Promise<KernelBuilds>;
export declare function renderModuleSource(builds: KernelBuilds): string;
export declare const MICROKERNELS: Readonly<Record<'f64' | 'f32', { MR: number; NR: number; type: string; vector: string; lanes: number }>>;
export declare function generateMicrokernel(kernels?: typeof MICROKERNELS, unroll?: number): string;
