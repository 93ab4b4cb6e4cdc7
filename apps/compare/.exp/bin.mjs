import { register } from 'node:module';
import { register as tsxRegister } from 'tsx/esm/api';
import { fileURLToPath } from 'node:url';
register('data:text/javascript,' + encodeURIComponent(`export async function resolve(s, c, n) { return n(s, { ...c, conditions: ['@synthgrad/source', ...c.conditions] }); }`));
tsxRegister({ tsconfig: fileURLToPath(new URL('../../../tsconfig.base.json', import.meta.url)) });
const m = await import('./w.ts');
console.log(m.names, m.url);
