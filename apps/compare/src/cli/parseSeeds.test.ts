import { describe, expect, it } from 'vitest';
import { parseSeeds } from './parseSeeds.js';

describe('parseSeeds', () => {
  it('reads a count as seeds 1..n and a list as itself', () => {
    expect(parseSeeds('3')).toEqual([1, 2, 3]);
    expect(parseSeeds('7, 0,11')).toEqual([7, 0, 11]);
  });

  it.each(['0', '-1', 'two', '1,,2', '1.5', '1,1'])('rejects %j', (text) => {
    expect(() => parseSeeds(text)).toThrow(/--seeds/);
  });
});
