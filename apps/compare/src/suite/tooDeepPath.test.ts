import { describe, expect, it } from 'vitest';
import { tooDeepPath } from './tooDeepPath.js';

function nested(depth: number): unknown {
  let value: unknown = 'labels';
  for (let i = 0; i < depth; i++) value = { name: 'combination', options: { inputs: [value] } };
  return value;
}

describe('tooDeepPath', () => {
  it('accepts data within the limit', () => {
    expect(tooDeepPath({ a: [1, { b: 2 }] }, 3)).toBeUndefined();
  });

  it('names the path of data nested too deeply, even 3,000 levels deep', () => {
    expect(tooDeepPath({ a: [[1]] }, 2)).toEqual(['a', 0]);
    const path = tooDeepPath(nested(3000), 64);
    expect(path).toHaveLength(64);
    expect(path!.slice(0, 3)).toEqual(['options', 'inputs', 0]);
  });
});
