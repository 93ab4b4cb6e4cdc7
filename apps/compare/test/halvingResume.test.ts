import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { RunRecord } from '../src/RunRecord.js';
import { cli, readRecords, runFolder, tempDir } from './helpers.js';

/** A tiny sweep: 4 rates for backprop and 2 × 2 for cDNI, 6 epochs, halving at 2 and 4. */
function sweepSuite(halving: boolean): string {
  const suite = {
    name: halving ? 'halving' : 'no-halving',
    dataset: { name: 'binary-addition', options: { bits: 5, trainSize: 40, testSize: 20, validationSize: 20 } },
    network: {
      layers: [
        { units: 16, activation: 'sigmoid', bias: false },
        { units: 8, activation: 'sigmoid', bias: false },
        { units: 5, activation: 'sigmoid', bias: false },
      ],
      loss: 'tutorial-delta',
      initialiser: 'tutorial',
      optimiser: 'sgd',
      learningRate: 0.1,
    },
    training: { epochs: 6, batchSize: 10, shuffle: true },
    seeds: [1],
    sweep: { space: { 'network.learningRate': [0.3, 1], 'options.generatorLearningRate': [0.001, 0.01] }, ...(halving ? { halving: [2, 4] } : {}) },
    runs: [
      { label: 'backprop', trainer: 'backprop', sweep: { 'network.learningRate': [0.1, 0.3, 1, 3] } },
      { label: 'cDNI', trainer: 'dni', options: { generatorInput: ['layer-output', 'labels'] } },
    ],
  };
  const file = join(tempDir(), 'suite.json');
  writeFileSync(file, JSON.stringify(suite));
  return file;
}

const withoutSeconds = (record: RunRecord) => record.history.map((epoch) => ({ ...epoch, seconds: 0, trainSeconds: 0, examplesPerSecond: 0 }));

describe('successive halving', () => {
  it("resumes each survivor from its rung's trainer state: its records equal an uninterrupted run's", async () => {
    const out = tempDir();
    const halved = await cli(['compare', sweepSuite(true), '--out', out, '--workers', '2', '--quiet']);
    expect(halved.err).toBe('');
    expect(halved.code).toBe(0);
    const whole = await cli(['compare', sweepSuite(false), '--out', out, '--workers', '2', '--quiet']);
    expect(whole.code).toBe(0);
    const halvingFolder = runFolder(out, 'halving')!;
    const all = readRecords(halvingFolder);
    const uninterrupted = new Map(readRecords(runFolder(out, 'no-halving')!).map((r) => [`${r.label}/${r.seed}`, r]));
    const latest = new Map(all.map((r) => [`${r.label}/${r.seed}`, r]));
    const survivors = [...latest.values()].filter((r) => r.history.length === 6);
    // 4 backprop settings → 2 → 1, and the same for cDNI's 4: one survivor each.
    expect(survivors).toHaveLength(2);
    expect(new Set([...latest.values()].map((r) => r.history.length))).toEqual(new Set([2, 4, 6]));
    for (const survivor of survivors) {
      const reference = uninterrupted.get(`${survivor.label}/${survivor.seed}`)!;
      expect(withoutSeconds(survivor), survivor.label).toEqual(withoutSeconds(reference));
      // Its records at the earlier rungs are the first epochs of the same run.
      for (const rung of all.filter((r) => r.label === survivor.label && r.seed === survivor.seed && r.history.length < 6)) {
        expect(withoutSeconds(rung)).toEqual(withoutSeconds(reference).slice(0, rung.history.length));
      }
    }
    // The states the rungs kept are where the survivors went on from.
    expect(existsSync(join(halvingFolder, 'halving'))).toBe(true);
    // Not retrained: the survivor's first epochs are the rung's records verbatim, wall-clock seconds of each epoch included.
    for (const survivor of survivors) {
      const rungs = all.filter((r) => r.label === survivor.label && r.seed === survivor.seed && r.history.length < 6);
      expect(rungs.map((r) => r.history.length)).toEqual([2, 4]);
      for (const rung of rungs) expect(survivor.history.slice(0, rung.history.length)).toEqual(rung.history);
    }
  }, 300_000);
});
