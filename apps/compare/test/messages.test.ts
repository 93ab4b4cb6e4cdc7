import { describe, expect, it } from 'vitest';
import { defaultBackendName } from 'synthgrad';
import { cli, fixture } from './helpers.js';

describe('messages', () => {
  it('`list` marks as default the backend defaultBackendName() picks, and no other', async () => {
    const { code, out } = await cli(['list']);
    expect(code).toBe(0);
    const backends = out.slice(out.indexOf('Tensor backends:')).split('\n').slice(1).filter((line) => line.startsWith('  '));
    const defaults = backends.filter((line) => line.endsWith('(default)'));
    expect(defaults).toHaveLength(1);
    expect(defaults[0].trim().startsWith(`${defaultBackendName()} `)).toBe(true);
  });

  it('`check` refuses a generator input whose declared size is not what features() returns, naming it', async () => {
    const { code, err } = await cli(['check', fixture('wrong-size-input.json')]);
    expect(code).toBe(2);
    // layer 1 of 4-bit addition: input 8 (two 4-bit numbers), output 6; the plugin declares 5
    expect(err).toContain(
      `runs[1].options.generatorInput (configuration "wrong"): generator input "wrong-size" (plugin ${fixture('wrong-size-input.js')}): ` +
        'features() returned a 2×6 matrix; expected 2×5 (the batch × its declared size) (at hidden layer 1 (input 8, output 6))',
    );
  });
});
