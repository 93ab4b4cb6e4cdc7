import { describe, expect, it } from 'vitest';
import { confidenceMetrics } from './confidenceMetrics.js';
import { taskCriteria } from './taskCriteria.js';

describe('confidenceMetrics', () => {
  it('reports the ranking metric and the test headline accuracy, once when they are the same', () => {
    expect(confidenceMetrics(taskCriteria('binary-digits', 'validation')).map((m) => m.id)).toEqual(['validation-exact-accuracy', 'test-exact-accuracy']);
    expect(confidenceMetrics(taskCriteria('binary-digits', 'test')).map((m) => m.id)).toEqual(['test-exact-accuracy']);
    expect(confidenceMetrics(taskCriteria('classification', 'validation')).map((m) => m.id)).toEqual(['validation-accuracy', 'test-accuracy']);
  });
});
