import { describe, expect, it } from 'vitest';
import { CliError } from '../cli/CliError.js';
import { findSuiteFile } from './findSuiteFile.js';

describe('findSuiteFile', () => {
  it('finds a built-in suite by name', async () => {
    expect(await findSuiteFile('seed-smoke')).toMatch(/suites[\\/]seed-smoke\.json$/);
  });

  it('names an unknown suite, lists the built-in ones and suggests the nearest', async () => {
    const error = await findSuiteFile('seed-smok').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CliError);
    expect((error as Error).message).toMatch(/^unknown suite "seed-smok": .*; built-in suites: .*"seed-smoke".*; did you mean "seed-smoke"\?$/);
    expect(((await findSuiteFile('no-such-suite-anywhere').catch((e: unknown) => e)) as Error).message).not.toContain('did you mean');
  });
});
