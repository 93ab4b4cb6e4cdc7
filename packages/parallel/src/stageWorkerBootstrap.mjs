// A stage's thread when running from TypeScript source: Node 20 workers cannot load .ts files by
// themselves. The pipeline starts this file with `--conditions=@synthgrad/source`; tsx, registered
// for the whole thread, compiles the workspace's sources. The built dist/stageWorker.js needs none of this.
import { fileURLToPath } from 'node:url';
import { register } from 'tsx/esm/api';

register({ tsconfig: fileURLToPath(new URL('../../../tsconfig.base.json', import.meta.url)) });
await import('./stageWorker.ts');
