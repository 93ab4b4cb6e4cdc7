import { describe, expect, it } from 'vitest';
import { defaultState } from './stateProperties.js';
import { hashToRace, hashToState, raceToHash, stateToHash } from './urlState.js';

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

  it('names the bad key and lists the known ones', () => {
    expect(() => hashToState('#bitz=5')).toThrow(/unknown setting "bitz".*known: task, bits, trainSize/);
    expect(() => hashToState('#bits=40')).toThrow(/"bits": expected an integer from 2 to 26, got "40"/);
    expect(() => hashToState('#hidden=32,x')).toThrow(/"hidden": expected integers from 1 to 4096, got "x"/);
    expect(() => hashToState('#learningRate=')).toThrow(/"learningRate"/);
    expect(() => hashToState('#hidden=64,100000')).toThrow(/"hidden": expected integers from 1 to 4096, got "100000"/);
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

  it('names the bad key of the run it belongs to', () => {
    expect(() => hashToRace('#run2.bits=99')).toThrow(/"run2.bits": expected an integer from 2 to 26, got "99"/);
    expect(() => hashToRace('#run2.bitz=5')).toThrow(/unknown setting "run2.bitz".*known: run2.task, run2.bits/);
    expect(() => hashToRace('#run3.bits=5')).toThrow(/settings of run 3 but none of run 2/);
    expect(() => hashToRace('#run9.bits=5')).toThrow(/runs are numbered 2 to 4/);
    expect(() => hashToRace('#task=cifar')).toThrow(/"task": unknown value "cifar"; known: binary-addition, mnist/);
  });
});
