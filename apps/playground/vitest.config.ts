import shared from '@synthgrad/vitest-config';
import { mergeConfig } from 'vitest/config';

// The two browser test files each build the site and drive Chromium with several training workers:
// one file at a time keeps them from competing for the machine's cores.
export default mergeConfig(shared, { test: { fileParallelism: false } });
