import { describe, expect, it } from 'vitest';
import type { RunRecord } from '../RunRecord.js';
import type { RunSpec } from '../run/RunSpec.js';
import { recordMismatches } from './recordMismatches.js';

const spec = (overrides: Partial<RunSpec> = {}): RunSpec => ({
  suite: 's',
  label: 'cDNI',
  seed: 1,
  trainer: 'dni',
  options: { generatorInput: 'labels' },
  network: { layers: [{ units: 4 }], learningRate: 0.1 } as RunSpec['network'],
  dataset: { name: 'binary-addition', options: { bits: 4 } },
  training: { epochs: 3, batchSize: 10 },
  backend: 'cpu',
  dtype: 'float64',
  index: 0,
  total: 1,
  ...overrides,
});
/** A finished record of `run`, as results.jsonl holds it. */
const recordOf = (run: RunSpec, overrides: Partial<RunRecord> = {}): RunRecord => {
  const { index: _index, total: _total, ...fields } = run;
  return { ...fields, status: 'completed', history: [], seconds: 1, ...overrides } as RunRecord;
};

describe('recordMismatches', () => {
  it('accepts a record of the same run, its keys in another order', () => {
    const record = recordOf(spec(), { options: { generatorInput: 'labels' } });
    expect(recordMismatches([record], [spec()])).toEqual([]);
  });

  it('names the configuration, the seed and every field that differs', () => {
    const record = recordOf(spec({ backend: 'wasm', training: { epochs: 4, batchSize: 10 } }));
    expect(recordMismatches([record], [spec()])).toEqual(['"cDNI" seed 1: training, backend differ']);
  });

  it('refuses a float64 record for a suite edited to float32, and reads a record without a dtype as float64', () => {
    const float64 = recordOf(spec());
    expect(recordMismatches([float64], [spec({ dtype: 'float32' })])).toEqual(['"cDNI" seed 1: dtype differ']);
    const { dtype: _dtype, ...older } = float64;
    expect(recordMismatches([older as RunRecord], [spec()])).toEqual([]);
    expect(recordMismatches([older as RunRecord], [spec({ dtype: 'float32' })])).toEqual(['"cDNI" seed 1: dtype differ']);
  });

  it('leaves records of configurations the suite no longer has to the caller', () => {
    expect(recordMismatches([recordOf(spec({ label: 'gone' }))], [spec()])).toEqual([]);
  });
});
