import { describe, expect, it } from 'vitest';
import { makeRecord } from '../../test/report/makeRecord.js';
import type { Suite } from '../RunRecord.js';
import { groupByConfiguration } from './groupByConfiguration.js';

const suite = {
  name: 'unit',
  description: '',
  dataset: { name: 'd' },
  network: { layers: [{ units: 2 }] },
  training: { epochs: 1, batchSize: 1 },
  seeds: [1, 2],
  runs: [
    { label: 'b', trainer: 'backprop' },
    { label: 'a', trainer: 'backprop' },
    { label: 'never ran', trainer: 'backprop' },
  ],
} satisfies Suite;

describe('groupByConfiguration', () => {
  it("keeps the suite's order, sorts seeds, keeps a re-run seed's last record and appends unknown labels", () => {
    const groups = groupByConfiguration(
      [
        makeRecord('a', 2, []),
        makeRecord('extra', 1, []),
        makeRecord('a', 1, [], { status: 'failed' }),
        makeRecord('b', 1, []),
        makeRecord('a', 1, [], { status: 'completed' }),
      ],
      suite,
    );
    expect([...groups.keys()]).toEqual(['b', 'a', 'never ran', 'extra']);
    expect(groups.get('a')!.map((r) => [r.seed, r.status])).toEqual([
      [1, 'completed'],
      [2, 'completed'],
    ]);
    expect(groups.get('never ran')).toEqual([]);
  });
});
