import { readFileSync } from 'node:fs';
import type { RunRecord, Suite } from '../../src/RunRecord.js';

/**
 * The committed results folder of a small real run (see fixtures/generateFixture.ts): 5
 * configurations × 2 seeds of 8-bit binary addition, gradient alignment measured; "DNI (generator
 * lr 0.03)" diverged (after 3 and 5 epochs) and "unknown trainer" failed.
 */
export function loadFixture(): { records: RunRecord[]; suite: Suite } {
  const read = (name: string) => readFileSync(new URL(`fixtures/${name}`, import.meta.url), 'utf8');
  const records = read('results.jsonl')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as RunRecord);
  return { records, suite: JSON.parse(read('suite.json')) as Suite };
}

/** The charts the fixture's report must draw, by `data-metric`. */
export const FIXTURE_CHART_METRICS = [
  'train-bit-accuracy',
  'test-bit-accuracy',
  'train-exact-accuracy',
  'test-exact-accuracy',
  'train-loss',
  'test-loss',
  'gradient-cosine',
  'gradient-relative-error',
];
