#!/usr/bin/env node
// The `synthgrad` command. In the source tree (src/ present) it runs the TypeScript source: workspace
// packages resolve through their `@synthgrad/source` export condition (added by a resolve hook, as
// `--conditions` cannot be set after start) and tsx compiles them with the workspace tsconfig.
// Installed, it runs the compiled dist/.
import { existsSync } from 'node:fs';
import { register } from 'node:module';
import { fileURLToPath } from 'node:url';

const source = new URL('../src/main.ts', import.meta.url);
if (existsSync(fileURLToPath(source))) {
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
