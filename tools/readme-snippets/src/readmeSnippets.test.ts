// Every TypeScript block of every README, type-checked together with strict tsc and then run (each
// as its own module, on the workspace's source), so a snippet that stops working fails the tests.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { extract, readmeSnippets } from './readmeSnippets.js';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const dir = fileURLToPath(new URL('../.snippets/', import.meta.url));
const snippets = readmeSnippets(root);
const fileOf = (s: { readme: string; line: number }) => join(dir, `${s.readme.replace(/[\\/]/g, '__').replace(/\.md$/, '')}_L${s.line}.ts`);

rmSync(dir, { recursive: true, force: true });
mkdirSync(dir, { recursive: true });
// `export {}` makes every snippet a module, so two snippets' top-level names never clash.
for (const s of snippets) if (s.check) writeFileSync(fileOf(s), `${s.code}\n\nexport {};\n`);
writeFileSync(
  join(dir, 'tsconfig.json'),
  JSON.stringify({ extends: '../../../tsconfig.base.json', compilerOptions: { noEmit: true, noUnusedLocals: false }, include: ['*.ts'] }),
);

describe('the README snippets', () => {
  it('are found in the READMEs of the packages', () => {
    const readmes = new Set(snippets.map((s) => s.readme));
    expect(readmes).toContain('packages/core/README.md');
    expect(readmes).toContain('packages/tensor-wasm/README.md');
    expect(snippets.filter((s) => s.check).length).toBeGreaterThan(10);
  });

  it('type-check with the workspace tsconfig', () => {
    let output = '';
    try {
      execFileSync(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '-p', join(dir, 'tsconfig.json')], { encoding: 'utf8' });
    } catch (error) {
      output = String((error as { stdout: string }).stdout);
    }
    expect(output.replaceAll(dir, '')).toBe('');
  }, 120_000);

  it.each(snippets.filter((s) => s.run).map((s) => [`${s.readme}:${s.line}`, s] as const))('%s runs', async (_, s) => {
    await import(pathToFileURL(fileOf(s)).href);
    // A snippet may start worker threads that compile the workspace from source: a bound for a
    // loaded machine, not a speed target.
  }, 180_000);
});

describe("the root README's package table", () => {
  it('lists every public package of the workspace', () => {
    const { workspaces } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { workspaces: string[] };
    const names = workspaces
      .flatMap((glob) => readdirSync(join(root, glob.replace(/\/\*$/, ''))).map((d) => join(root, glob.replace(/\/\*$/, ''), d, 'package.json')))
      .filter((file) => existsSync(file))
      .map((file) => JSON.parse(readFileSync(file, 'utf8')) as { name: string; private?: boolean })
      .filter((p) => !p.private)
      .map((p) => p.name);
    const readme = readFileSync(join(root, 'README.md'), 'utf8');
    expect(names.filter((name) => !readme.includes(`| [\`${name}\`]`))).toEqual([]);
  });
});

describe('extract', () => {
  it('reads ts blocks with their flags and skips other languages', () => {
    const md = ['# x', '```sh', 'npm i', '```', '```ts', 'const a = 1;', '```', '```ts no-run', 'b();', '```', '```typescript no-check', 'c', '```'].join('\n');
    expect(extract('R.md', md)).toEqual([
      { readme: 'R.md', line: 5, code: 'const a = 1;', check: true, run: true },
      { readme: 'R.md', line: 8, code: 'b();', check: true, run: false },
      { readme: 'R.md', line: 11, code: 'c', check: false, run: false },
    ]);
  });
});
