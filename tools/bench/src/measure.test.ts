import { describe, expect, it } from 'vitest';
import { measure, summarize } from './measure.js';

describe('summarize', () => {
  it('gives median, extremes and interpolated quartiles whatever the sample order', () => {
    expect(summarize([4, 1, 3, 2])).toEqual({
      median: 2.5,
      min: 1,
      max: 4,
      q1: 1.75,
      q3: 3.25,
      samples: 4,
      callsPerSample: 1,
    });
  });

  it('refuses an empty sample', () => {
    expect(() => summarize([])).toThrow(RangeError);
  });
});

describe('measure', () => {
  it('calls fn warmup + samples × callsPerSample times, batching calls shorter than minSampleMs', () => {
    let calls = 0;
    const timing = measure(() => void calls++, { warmup: 2, repetitions: 5, minSampleMs: 1 });
    expect(timing.samples).toBe(5);
    expect(timing.callsPerSample).toBeGreaterThan(1);
    // Calibration calls 1 + 2 + … + callsPerSample = 2·callsPerSample − 1 times.
    expect(calls).toBe(2 + (2 * timing.callsPerSample - 1) + 5 * timing.callsPerSample);
  });
});
