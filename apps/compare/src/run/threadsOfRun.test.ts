import { describe, expect, it } from 'vitest';
import { threadsOfRun } from './threadsOfRun.js';

describe('threadsOfRun', () => {
  it('counts one thread per dni stage and one for everything else', () => {
    expect(threadsOfRun({ trainer: 'dni', options: { stages: 2 } })).toBe(2);
    expect(threadsOfRun({ trainer: 'dni', options: { stages: [3, 2, 2] } })).toBe(3);
    expect(threadsOfRun({ trainer: 'dni', options: { stages: 1 } })).toBe(1);
    expect(threadsOfRun({ trainer: 'dni', options: {} })).toBe(1);
    expect(threadsOfRun({ trainer: 'backprop', options: { stages: 2 } })).toBe(1);
  });
});
