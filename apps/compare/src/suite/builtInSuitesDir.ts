import { fileURLToPath } from 'node:url';

/** `apps/compare/suites`, from the source tree and from `dist` alike (both sit two levels below the app). */
export const builtInSuitesDir = fileURLToPath(new URL('../../suites/', import.meta.url));
