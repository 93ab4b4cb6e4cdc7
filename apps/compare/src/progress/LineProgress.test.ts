import { describe, expect, it } from 'vitest';
import type { RunRecord } from '../RunRecord.js';
import type { RunSpec } from '../run/RunSpec.js';
import { LineProgress } from './LineProgress.js';

const spec = { index: 2, total: 21, label: 'cDNI (labels)', seed: 2, training: { epochs: 100, batchSize: 10 } } as RunSpec;
const test = { loss: 1, exactAccuracy: 0.012, bitAccuracy: 0.551 };

describe('LineProgress', () => {
  it('prints a start line, then at most one line per run per interval, then the outcome', () => {
    const lines: string[] = [];
    let now = 0;
    const progress = new LineProgress(21, 2, (line) => lines.push(line), 5000, () => now);
    progress.update(spec, { type: 'start', index: 2 });
    for (let epoch = 1; epoch <= 40; epoch++) {
      now += 250;
      progress.update(spec, { type: 'epoch', index: 2, epochsDone: epoch, test });
    }
    now += 6000;
    progress.update(spec, { type: 'batch', index: 2, epoch: 40, batch: 9, batches: 100 });
    progress.finished(spec, { status: 'completed', seconds: 12.34, history: [{ test }] } as unknown as RunRecord);
    progress.update(spec, { type: 'epoch', index: 2, epochsDone: 41, test });
    expect(lines).toEqual([
      '[3/21] cDNI (labels) seed 2: started (100 epochs)',
      '[3/21] cDNI (labels) seed 2: epoch 20/100 test exact 0.012 bit 0.551',
      '[3/21] cDNI (labels) seed 2: epoch 40/100 test exact 0.012 bit 0.551',
      '[3/21] cDNI (labels) seed 2: epoch 40/100 (batch 10/100 of epoch 41) test exact 0.012 bit 0.551',
      '[3/21] cDNI (labels) seed 2: completed in 12.3 s: test exact 0.012 bit 0.551 (3/21 runs done)',
    ]);
  });
});
