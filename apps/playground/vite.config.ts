import { defaultClientConditions, defineConfig } from 'vite';
import { nodeBuiltinGuard } from './vite/nodeBuiltinGuard.js';

/** Builds on the workspace packages' TypeScript source (their `@synthgrad/source` export condition). */
export default defineConfig({
  base: './',
  resolve: { conditions: ['@synthgrad/source', ...defaultClientConditions] },
  oxc: { decorator: { legacy: true } },
  plugins: [nodeBuiltinGuard()],
  worker: { format: 'es', plugins: () => [nodeBuiltinGuard()] },
  build: { outDir: 'dist', emptyOutDir: true, target: 'es2022' },
});
