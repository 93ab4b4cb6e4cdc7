import { describe, expect, it } from 'vitest';
import { TensorBackend } from 'synthgrad';
import { containerForCheck } from './containerForCheck.js';
import { SuiteError } from './SuiteError.js';

describe('containerForCheck', () => {
  it('makes an unknown backend one problem, with the nearest names, and gives a container of the default backend', async () => {
    const problems: string[] = [];
    const container = await containerForCheck([], 'wsam', undefined, problems);
    expect(problems).toEqual([expect.stringMatching(/^backend: unknown tensor backend "wsam"; known: .*"cpu".*; did you mean "wasm"\?$/)]);
    expect(container.get(TensorBackend)).toBeDefined();
  });

  it('adds nothing for a known backend, and still throws for a dtype the backend lacks', async () => {
    const problems: string[] = [];
    await containerForCheck([], 'cpu', 'float32', problems);
    expect(problems).toEqual([]);
    await expect(containerForCheck([], 'mathjs', 'float32', problems)).rejects.toBeInstanceOf(SuiteError);
    expect(problems).toEqual([]);
  });
});
