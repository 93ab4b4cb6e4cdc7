import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  compileAllKernels,
  generateElementwise,
  generateMicrokernel,
  GENERATED_ELEMENTWISE,
  GENERATED_MICROKERNEL,
  GENERATED_MODULE,
  PACKAGE_ROOT,
  renderModuleSource,
} from '../scripts/wasmBuild.mjs';

// The wasm module is committed (embedded as base64) so that tests and users need no build step;
// these tests fail when assembly/ or the generator changed without `npm run build:wasm`.
describe('committed wasm artefacts', () => {
  it('assembly/generated/elementwise.ts is what the generator makes', async () => {
    const committed = await readFile(join(PACKAGE_ROOT, GENERATED_ELEMENTWISE), 'utf8');
    expect(committed).toBe(generateElementwise());
  });

  it('assembly/generated/microkernel.ts is what the generator makes', async () => {
    const committed = await readFile(join(PACKAGE_ROOT, GENERATED_MICROKERNEL), 'utf8');
    expect(committed).toBe(generateMicrokernel());
  });

  it('src/generated/kernelsWasm.ts embeds the modules AssemblyScript compiles from assembly/', async () => {
    const committed = await readFile(join(PACKAGE_ROOT, GENERATED_MODULE), 'utf8');
    const builds = await compileAllKernels();
    expect(committed, 'run `npm run build:wasm` in packages/tensor-wasm').toBe(renderModuleSource(builds));
  }, 180_000);
});
