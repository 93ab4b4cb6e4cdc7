import { describe, expect, it } from 'vitest';
import { parseBenchArgs } from './cli.js';

describe('parseBenchArgs', () => {
  it('defaults to the full run with single-threaded numpy', () => {
    expect(parseBenchArgs([])).toEqual({ quick: false, numpyThreads: '1', endToEnd: false });
  });

  it('reads --quick and --numpy-threads in both spellings', () => {
    expect(parseBenchArgs(['--quick', '--numpy-threads', '2'])).toEqual({ quick: true, numpyThreads: '2', endToEnd: false });
    expect(parseBenchArgs(['--numpy-threads=default'])).toEqual({ quick: false, numpyThreads: 'default', endToEnd: false });
    expect(parseBenchArgs(['--end-to-end', '--quick'])).toEqual({ quick: true, numpyThreads: '1', endToEnd: true });
    expect(parseBenchArgs(['--only', 'end-to-end'])).toEqual({ quick: false, numpyThreads: '1', endToEnd: false, only: 'end-to-end' });
    expect(() => parseBenchArgs(['--only', 'tutorial'])).toThrow("--only knows the sections 'parallel', 'wasm', 'end-to-end', got \"tutorial\"");
  });

  it('names what it does not understand', () => {
    expect(() => parseBenchArgs(['--fast'])).toThrow('unknown argument "--fast"');
    expect(() => parseBenchArgs(['--numpy-threads', '0'])).toThrow(
      "--numpy-threads wants a positive integer or 'default', got \"0\"",
    );
    expect(() => parseBenchArgs(['--numpy-threads'])).toThrow('got undefined');
    expect(() => parseBenchArgs(['--only', 'gpu'])).toThrow("--only knows the sections 'parallel', 'wasm', 'end-to-end', got \"gpu\"");
  });

  it('reads --only with either section', () => {
    expect(parseBenchArgs(['--only', 'wasm'])).toEqual({ quick: false, numpyThreads: '1', endToEnd: false, only: 'wasm' });
    expect(parseBenchArgs(['--only=parallel', '--quick'])).toEqual({ quick: true, numpyThreads: '1', endToEnd: false, only: 'parallel' });
  });
});
