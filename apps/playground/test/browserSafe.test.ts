// The libraries run in the browser: the playground's bundle (page and worker) is built with a guard
// that fails on any import of a Node.js built-in.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, defaultClientConditions } from 'vite';
import { describe, expect, it } from 'vitest';
import { isNodeBuiltin, nodeBuiltinGuard } from '../vite/nodeBuiltinGuard.js';

const root = fileURLToPath(new URL('..', import.meta.url));

describe('no package the playground uses imports a Node.js built-in', () => {
  it('recognises built-ins in every spelling, and only them', () => {
    for (const name of ['node:fs', 'fs', 'fs/promises', 'worker_threads', 'node:worker_threads']) expect(isNodeBuiltin(name), name).toBe(true);
    for (const name of ['mathjs', 'synthgrad', '@synthgrad/tensor-wasm', './fs.js', 'uplot']) expect(isNodeBuiltin(name), name).toBe(false);
  });

  it('builds the page and the worker, having looked at every library package', async () => {
    const pageSeen = new Set<string>();
    const workerSeen = new Set<string>();
    const outDir = await mkdtemp(join(tmpdir(), 'synthgrad-playground-build-'));
    try {
      await build({
        root,
        configFile: false,
        logLevel: 'silent',
        base: './',
        resolve: { conditions: ['@synthgrad/source', ...defaultClientConditions] },
        oxc: { decorator: { legacy: true } },
        plugins: [nodeBuiltinGuard(pageSeen)],
        worker: { format: 'es', plugins: () => [nodeBuiltinGuard(workerSeen)] },
        build: { outDir, emptyOutDir: true, target: 'es2022' },
      });
    } finally {
      await rm(outDir, { recursive: true, force: true });
    }
    const seen = [...pageSeen, ...workerSeen].join('\n');
    for (const pkg of ['tensor', 'tensor-wasm', 'core', 'layers', 'generator-inputs', 'datasets', 'trainers', 'synthgrad']) {
      expect(seen, pkg).toContain(`/packages/${pkg}/src/`);
    }
    expect(seen).toContain('node_modules/mathjs');
  }, 180_000);

  it('fails a build whose code imports one (the guard itself works)', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'synthgrad-playground-guard-'));
    try {
      await writeFile(join(dir, 'entry.js'), "import { readFileSync } from 'node:fs';\nconsole.log(readFileSync);\n");
      await expect(
        build({
          root: dir,
          configFile: false,
          logLevel: 'silent',
          plugins: [nodeBuiltinGuard()],
          build: { outDir: join(dir, 'dist'), lib: { entry: join(dir, 'entry.js'), formats: ['es'] } },
        }),
      ).rejects.toThrow(/imports the Node.js built-in "node:fs"/);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
