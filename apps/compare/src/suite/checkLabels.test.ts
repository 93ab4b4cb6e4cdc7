import { describe, expect, it } from 'vitest';
import { checkLabels } from './checkLabels.js';
import { parseSuite } from './readSuiteFile.js';

const suite = (...labels: string[]) =>
  parseSuite(
    {
      name: 'labelled',
      dataset: { name: 'binary-addition' },
      network: { layers: [{ units: 4 }], learningRate: 0.1 },
      training: { epochs: 1, batchSize: 10 },
      seeds: [1],
      runs: labels.map((label) => ({ label, trainer: 'backprop' })),
    },
    'test',
  );

describe('checkLabels', () => {
  it('passes labels whose folder names differ', () => {
    expect(() => checkLabels(suite('backprop', 'dni labels', 'cDNI (labels) [learningRate=0.1]'), 's.json')).not.toThrow();
  });

  it('two things with one name: refuses labels that share a folder name, naming both', () => {
    expect(() => checkLabels(suite('dni labels', 'dni/labels', 'dni_labels'), 's.json')).toThrow(
      'runs[1].label "dni/labels": its folder name "dni_labels" is also that of runs[0] ("dni labels"), so their saved weights would mix',
    );
    expect(() => checkLabels(suite('DNI', 'dni'), 's.json')).toThrow('runs[1].label "dni": its folder name "dni" is also that of runs[0] ("DNI")');
  });

  it('work lost: refuses a label over 255 characters before training', () => {
    expect(() => checkLabels(suite('x'.repeat(256)), 's.json')).toThrow('256 characters; a label names a folder and holds at most 255');
    expect(() => checkLabels(suite('x'.repeat(255)), 's.json')).not.toThrow();
  });

  it.each(['two\nlines', 'bell\u0007', 'esc\u001b[31m', 'osc\u001b]0;title\u0007'])('injection: refuses the label %j with a control character', (label) => {
    expect(() => checkLabels(suite(label), 's.json')).toThrow('holds a control character');
  });
});
