import type { UserConfig } from 'vitest/config';
export declare const SOURCE_CONDITION: '@synthgrad/source';
declare const config: UserConfig;
export default config;
