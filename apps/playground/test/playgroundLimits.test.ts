// The playground's bounds (src/state/PlaygroundLimits.ts) hold what the CLI holds: a run at each bound
// exports to a suite compare accepts, one past it would not be, and the largest network a link may
// ask for is refused by the trainers' memory estimate before anything is allocated.
import { parseSuite } from '@synthgrad/cli';
import { createSynthgradContainer, MemoryBudgetError, TrainerAlgorithmRegistry } from 'synthgrad';
import { describe, expect, it } from 'vitest';
import { PlaygroundLimits } from '../src/state/PlaygroundLimits.js';
import { defaultState } from '../src/state/stateProperties.js';
import { toSuite } from '../src/state/toSuite.js';
import { hashToState, readRaceHash } from '../src/state/urlState.js';
import { loadTaskDataset, trainerUsesGenerators, TrainingSession } from '../src/worker/TrainingSession.js';

const container = createSynthgradContainer({ backend: 'wasm' });
const noMnist = () => Promise.reject(new Error('no MNIST here'));

describe("the playground's bounds", () => {
  it("are the CLI's epochs: a run of the most epochs a link may ask for exports to a suite compare accepts, one more it refuses", () => {
    const most = hashToState(`#epochs=${PlaygroundLimits.epochs}`);
    expect(most.epochs).toBe(1_000_000);
    expect(() => parseSuite(toSuite(most, true), 'most.suite.json')).not.toThrow();
    expect(readRaceHash(`#epochs=${PlaygroundLimits.epochs + 1}`).notices[0]).toMatch(/"epochs": expected an integer from 1 to 1000000/);
    expect(() => parseSuite(toSuite({ ...most, epochs: PlaygroundLimits.epochs + 1 }, true), 'past.suite.json')).toThrow(/epochs/);
  });

  it('refuse the widest, deepest network a link may ask for with the memory it would need, before allocating it', async () => {
    const state = { ...hashToState(`#hidden=${Array(PlaygroundLimits.hiddenLayers).fill(PlaygroundLimits.units).join(',')}`), bits: 4, trainSize: 20, testSize: 10 };
    expect(state.hidden).toHaveLength(16);
    const dataset = await loadTaskDataset(container, state, noMnist);
    // 15 weight matrices of 4096 × 4096 float64 alone are 15 × 128 MiB = 1.875 GiB, over the 1 GiB budget.
    const started = performance.now();
    expect(() => new TrainingSession(container, state, dataset)).toThrow(MemoryBudgetError);
    expect(() => new TrainingSession(container, state, dataset)).toThrow(/over the memory budget of 1\.00 GiB \(1073741824 bytes\)/);
    expect(performance.now() - started).toBeLessThan(2000);
  });
});

describe('whether a trainer trains generators, asked of its plugin', () => {
  it('is true for dni only among the built-in trainers, so backprop and the feedback methods offer no generator settings', async () => {
    const dataset = await loadTaskDataset(container, { ...defaultState(), bits: 2, trainSize: 1, testSize: 1 }, noMnist);
    const names = container.get(TrainerAlgorithmRegistry).list().map(({ name }) => name);
    expect(names).toEqual(expect.arrayContaining(['backprop', 'dni', 'feedback-alignment', 'direct-feedback-alignment', 'last-layer-only']));
    const usesGenerators = Object.fromEntries(names.map((name) => [name, trainerUsesGenerators(container, dataset, name)]));
    expect(usesGenerators).toMatchObject({ backprop: false, dni: true, 'feedback-alignment': false, 'direct-feedback-alignment': false, 'last-layer-only': false });
  });
});
