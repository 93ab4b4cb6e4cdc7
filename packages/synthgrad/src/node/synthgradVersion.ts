import { readFileSync } from 'node:fs';

/** The version of the `synthgrad` package: `package.json` sits two levels above both `src/node` and `dist/node`. */
export const synthgradVersion: string = (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;
