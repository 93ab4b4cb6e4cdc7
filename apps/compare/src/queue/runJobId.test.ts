import { describe, expect, it } from 'vitest';
import type { RunSpec } from '../run/RunSpec.js';
import { runJobId } from './runJobId.js';

const spec = (overrides: Partial<RunSpec> = {}): RunSpec => ({
  suite: 's',
  label: 'cDNI',
  seed: 1,
  trainer: 'dni',
  options: { generatorInput: 'labels', generatorLearningRate: 0.001 },
  network: { layers: [{ units: 4, activation: 'sigmoid' }], learningRate: 0.1 } as RunSpec['network'],
  dataset: { name: 'binary-addition', options: { bits: 4 } },
  training: { epochs: 3, batchSize: 10 },
  backend: 'cpu',
  index: 0,
  total: 8,
  ...overrides,
});

describe('runJobId', () => {
  it('is the same for the same run, whatever its place in the suite or the order of keys', () => {
    const reordered = spec({ options: { generatorLearningRate: 0.001, generatorInput: 'labels' }, index: 5, total: 10 });
    expect(runJobId(reordered, [])).toBe(runJobId(spec(), []));
    expect(runJobId(spec(), [])).toMatch(/^run-[0-9a-f]{40}$/);
  });

  it('differs when anything that decides the run differs', () => {
    const base = runJobId(spec(), []);
    const variants = [
      spec({ seed: 2 }),
      spec({ label: 'other' }),
      spec({ backend: 'wasm' }),
      spec({ options: { generatorInput: 'labels', generatorLearningRate: 0.01 } }),
      spec({ training: { epochs: 4, batchSize: 10 } }),
      spec({ dtype: 'float32' }),
    ].map((s) => runJobId(s, []));
    expect(new Set([base, ...variants]).size).toBe(7);
    expect(runJobId(spec(), ['/p/plugin.js'])).not.toBe(base);
  });

  it('is the same with the default dtype named or not, so ids made before dtypes still match', () => {
    expect(runJobId(spec({ dtype: 'float64' }), [])).toBe(runJobId(spec(), []));
  });
});
