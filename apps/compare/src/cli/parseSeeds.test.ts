import { describe, expect, it } from 'vitest';
import { parseSeeds } from './parseSeeds.js';

describe('parseSeeds', () => {
  it('reads a count as seeds 1..n and a list as itself', () => {
    expect(parseSeeds('3')).toEqual([1, 2, 3]);
    expect(parseSeeds('7, 0,11')).toEqual([7, 0, 11]);
    expect(parseSeeds('10000')).toHaveLength(10_000);
  });

  it.each(['0', '-1', 'two', '1,,2', '1.5', '1,1', '0x2', '1e3', ''])('rejects %j', (text) => {
    expect(() => parseSeeds(text)).toThrow(/--seeds/);
  });

  it('bounds the count and the seeds, without allocating them first', () => {
    expect(() => parseSeeds('100000000')).toThrow('--seeds: at most 10000 seeds per configuration, got 100000000');
    expect(() => parseSeeds('10000000000')).toThrow('--seeds: at most 10000 seeds per configuration, got 10000000000');
    expect(() => parseSeeds('1,4294967296')).toThrow('--seeds: a seed is at most 4294967295, got 4294967296');
  });
});
