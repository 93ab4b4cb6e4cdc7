import { describe, expect, it } from 'vitest';
import { makeRecord } from '../../test/report/makeRecord.js';
import { reportTaskOf } from './ReportTask.js';

describe('reportTaskOf', () => {
  it('says classification when a test accuracy is reported (even a NaN one), else binary digits', () => {
    expect(reportTaskOf([makeRecord('a', 1, [{ accuracy: null }])])).toBe('classification');
    expect(reportTaskOf([makeRecord('a', 1, [{ bitAccuracy: 0.5, exactAccuracy: 0 }])])).toBe('binary-digits');
    expect(reportTaskOf([])).toBe('binary-digits');
  });
});
