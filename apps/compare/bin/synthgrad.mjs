#!/usr/bin/env node
// The `synthgrad` command. Installed (under node_modules) it runs the compiled dist/ and needs no
// TypeScript loader. In the repository it runs the TypeScript source: workspace packages resolve
// through their `@synthgrad/source` export condition (added by a resolve hook, as `--conditions`
// cannot be set after start) and tsx, a devDependency, compiles them with the workspace tsconfig.
import { existsSync } from 'node:fs';
import { register } from 'node:module';
import { fileURLToPath } from 'node:url';

const source = new URL('../src/main.ts', import.meta.url);
const installed = fileURLToPath(import.meta.url).split(/[\\/]/).includes('node_modules');
if (!installed && existsSync(fileURLToPath(source))) {
  const addSourceCondition = `export async function resolve(specifier, context, next) {
    return next(specifier, { ...context, conditions: ['@synthgrad/source', ...context.conditions] });
  }`;
  register(`data:text/javascript,${encodeURIComponent(addSourceCondition)}`);
  const { register: registerTsx } = await import('tsx/esm/api');
  registerTsx({ tsconfig: fileURLToPath(new URL('../../../tsconfig.base.json', import.meta.url)) });
  await import(source.href);
} else {
  await import('../dist/main.js');
}
