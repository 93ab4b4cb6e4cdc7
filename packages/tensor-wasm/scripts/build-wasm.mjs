#!/usr/bin/env node
// Regenerates the element-wise kernels' and the GEMM micro-kernel's source, compiles the AssemblyScript kernels and embeds
// the module in src/generated/kernelsWasm.ts. Run by `npm run build` (and `npm run build:wasm`).
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import {
  compileAllKernels,
  generateElementwise,
  generateMicrokernel,
  GENERATED_ELEMENTWISE,
  GENERATED_MICROKERNEL,
  GENERATED_MODULE,
  PACKAGE_ROOT,
  renderModuleSource,
} from './wasmBuild.mjs';

async function write(relative, text) {
  const path = join(PACKAGE_ROOT, relative);
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, text);
}

await write(GENERATED_ELEMENTWISE, generateElementwise());
await write(GENERATED_MICROKERNEL, generateMicrokernel());
const modules = await compileAllKernels();
await write(GENERATED_MODULE, renderModuleSource(modules));
console.log(`wasm kernels: ${modules.plain.length} + ${modules.shared.length} bytes → ${GENERATED_MODULE}`);
