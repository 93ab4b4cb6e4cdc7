import { describe, expect, it } from 'vitest';
import { defaultState } from './stateProperties.js';
import { PlaygroundLimits } from './PlaygroundLimits.js';
import { hashToState, raceToHash, readRaceHash, stateToHash } from './urlState.js';

const hashToRace = (hash: string) => readRaceHash(hash).race;
const noticesOf = (hash: string) => readRaceHash(hash).notices;

describe('the state in the URL hash', () => {
  it('round-trips every property', () => {
    const state = {
      ...defaultState(),
      bits: 10,
      hidden: [32, 16, 8],
      activation: 'x / (1 + abs(x))',
      trainer: 'backprop',
      generatorInput: ['labels'],
      learningRate: 0.125,
      generatorLearningRate: 0.0005,
      batchSize: 25,
      epochs: 7,
      seed: 42,
    };
    expect(hashToState(stateToHash(state))).toEqual(state);
  });

  it('fills missing keys with their defaults', () => {
    expect(hashToState('#bits=5')).toEqual({ ...defaultState(), bits: 5 });
    expect(hashToState('')).toEqual(defaultState());
  });

  it('ignores an unknown key with a notice naming it, and keeps every other setting', () => {
    const { race, notices } = readRaceHash('#bits=5&bitz=5&trainer=backprop');
    expect(race.runs).toEqual([{ ...defaultState(), bits: 5, trainer: 'backprop' }]);
    expect(notices).toHaveLength(1);
    expect(notices[0]).toMatch(/unknown setting "bitz" in the URL, ignored it; known: task, bits, trainSize/);
    // readRaceHash's example.
    const example = readRaceHash('#bits=6&bitz=5&epochs=0');
    expect(example.race.runs[0]).toEqual({ ...defaultState(), bits: 6 });
    expect(example.notices).toEqual(['"epochs": expected an integer from 1 to 1000000, got "0"; using 100', expect.stringMatching(/^unknown setting "bitz" in the URL, ignored it; known: /)]);
    const several = noticesOf('#a=1&b=2&bits=6');
    expect(several).toHaveLength(1);
    expect(several[0]).toMatch(/^unknown settings "a", "b" in the URL, ignored them/);
    // A flood of keys: ten named, the rest counted.
    const flood = noticesOf(`#${Array.from({ length: 500 }, (_, i) => `k${i}=1`).join('&')}`);
    expect(flood[0]).toMatch(/"k0", .*"k9" and 490 more in the URL/);
  });

  it('falls back to the default of a key whose value is bad, with a notice naming the key; the other keys keep their values', () => {
    const bad: [string, keyof ReturnType<typeof defaultState>, RegExp][] = [
      ['bits=40', 'bits', /^"bits": expected an integer from 2 to 26, got "40"; using 8$/],
      ['hidden=32,x', 'hidden', /^"hidden": expected integers from 1 to 4096, got "x"; using 128,64$/],
      ['learningRate=', 'learningRate', /^"learningRate": expected a number ≥ 0, got ""; using 0.3$/],
      ['hidden=64,100000', 'hidden', /"hidden": expected integers from 1 to 4096, got "100000"/],
      ['task=cifar', 'task', /^"task": unknown value "cifar"; known: binary-addition, mnist; using binary-addition$/],
      ['batchSize=2.5', 'batchSize', /"batchSize": expected an integer from 1 to 100000, got "2.5"/],
      ['batchSize=0', 'batchSize', /"batchSize": expected an integer from 1/],
      ['learningRate=-1', 'learningRate', /"learningRate": expected a number ≥ 0, got "-1"/],
      ['learningRate=Infinity', 'learningRate', /"learningRate": expected a number ≥ 0/],
    ];
    for (const [pair, key, reason] of bad) {
      const { race, notices } = readRaceHash(`#seed=7&${pair}&epochs=3`);
      expect(notices, pair).toHaveLength(1);
      expect(notices[0], pair).toMatch(reason);
      expect(race.runs[0], pair).toEqual({ ...defaultState(), seed: 7, epochs: 3, [key]: defaultState()[key] });
    }
  });

  it("holds every number to the CLI's bounds: 20,000 layers from a link are refused at once", () => {
    const layers = Array.from({ length: 20_000 }, () => '1').join(',');
    const started = performance.now();
    const { race, notices } = readRaceHash(`#hidden=${layers}&bits=6`);
    expect(performance.now() - started).toBeLessThan(1000);
    expect(notices).toEqual(['"hidden": at most 16 hidden layers, got 20000; using 128,64']);
    expect(race.runs[0]).toEqual({ ...defaultState(), bits: 6 });
    // The bounds themselves, one past each refused: the epochs and seeds of apps/compare's CliLimits.
    const edges: [string, number][] = [
      ['epochs', 1_000_000],
      ['seed', 2 ** 32 - 1],
      ['trainSize', 100_000],
      ['testSize', 100_000],
      ['batchSize', 100_000],
      ['bits', 26],
    ];
    for (const [key, most] of edges) {
      expect(hashToState(`#${key}=${most}`)[key as 'epochs']).toBe(most);
      expect(noticesOf(`#${key}=${most + 1}`)[0], key).toMatch(new RegExp(`^"${key}": expected an integer from \\d+ to ${most}, got "${most + 1}"`));
    }
    expect(hashToState(`#hidden=${Array(16).fill(4096).join(',')}`).hidden).toHaveLength(PlaygroundLimits.hiddenLayers);
    expect(noticesOf(`#hidden=${Array(17).fill(8).join(',')}`)).toEqual(['"hidden": at most 16 hidden layers, got 17; using 128,64']);
    expect(noticesOf(`#generatorInput=${Array(17).fill('labels').join(',')}`)[0]).toMatch(/"generatorInput": at most 16 generator inputs, got 17/);
    expect(noticesOf(`#activation=${'x'.repeat(2001)}`)[0]).toMatch(/"activation": at most 2000 characters, got 2001; using sigmoid/);
    // A long bad value is quoted cut short.
    expect(noticesOf(`#bits=${'9'.repeat(5000)}`)[0]).toMatch(/got "9{40}…"; using 8$/);
  });
});

describe('a race in the URL hash', () => {
  it('round-trips several runs, each with its own settings', () => {
    const race = {
      runs: [
        { ...defaultState(), trainer: 'dni', generatorInput: ['labels'] },
        { ...defaultState(), trainer: 'backprop', learningRate: 1 },
        { ...defaultState('mnist'), hidden: [64, 32] },
      ],
    };
    const hash = raceToHash(race);
    expect(hash).toContain('run2.trainer=backprop');
    expect(hash).toContain('run3.task=mnist');
    expect(hashToRace(hash)).toEqual(race);
  });

  it("fills another run's missing keys from run 1, or from its own task's defaults", () => {
    const { runs } = hashToRace('#bits=6&learningRate=0.5&run2.trainer=backprop&run3.task=mnist');
    expect(runs).toHaveLength(3);
    expect(runs[1]).toEqual({ ...defaultState(), bits: 6, learningRate: 0.5, trainer: 'backprop' });
    expect(runs[2]).toEqual(defaultState('mnist'));
    expect(runs[2]).toMatchObject({ task: 'mnist', hidden: [128], batchSize: 32 });
  });

  it('names the bad key of the run it belongs to, and keeps the rest of the race', () => {
    const bad = readRaceHash('#bits=6&run2.bits=99&run2.trainer=backprop');
    expect(bad.notices).toEqual(['"run2.bits": expected an integer from 2 to 26, got "99"; using 6']);
    expect(bad.race.runs).toEqual([
      { ...defaultState(), bits: 6 },
      { ...defaultState(), bits: 6, trainer: 'backprop' },
    ]);
    const unknown = readRaceHash('#run2.bitz=5&run2.seed=3');
    expect(unknown.notices).toHaveLength(1);
    expect(unknown.notices[0]).toMatch(/unknown setting "run2.bitz".*known: run2.task, run2.bits/);
    expect(unknown.race.runs[1]).toEqual({ ...defaultState(), seed: 3 });
    const gap = readRaceHash('#run3.bits=5');
    expect(gap.notices).toEqual(['the URL has settings of run 3 but none of run 2: run 2 copies run 1']);
    expect(gap.race.runs).toEqual([defaultState(), defaultState(), { ...defaultState(), bits: 5 }]);
    const past = readRaceHash('#run9.bits=5&run1.seed=2&bits=4');
    expect(past.notices).toEqual(['"run9.bits", "run1.seed" ignored: runs are numbered 2 to 4 (run 1\'s keys have no prefix)']);
    expect(past.race.runs).toEqual([{ ...defaultState(), bits: 4 }]);
    const task = readRaceHash('#task=mnist&run2.task=cifar&run2.hidden=64');
    expect(task.notices).toEqual(['"run2.task": unknown value "cifar"; known: binary-addition, mnist; using mnist']);
    expect(task.race.runs[1]).toEqual({ ...defaultState('mnist'), hidden: [64] });
  });
});
