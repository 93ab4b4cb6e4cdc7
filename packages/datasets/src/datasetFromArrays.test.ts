import { ConfigError } from '@synthgrad/core';
import { Matrix } from '@synthgrad/tensor';
import { describe, expect, it } from 'vitest';
import { datasetFromArrays, type DatasetFromArraysOptions } from './datasetFromArrays.js';

const rows = (m: Matrix) => Array.from({ length: m.rows }, (_, i) => Array.from(m.row(i)));

function expectError(options: DatasetFromArraysOptions, message: string): void {
  let caught: unknown;
  try {
    datasetFromArrays(options);
  } catch (error) {
    caught = error;
  }
  expect(caught).toBeInstanceOf(ConfigError);
  expect((caught as Error).message).toBe(message);
}

describe('datasetFromArrays', () => {
  it('turns class indices into one-hot rows, the class count being the largest index + 1 over all splits', () => {
    const data = datasetFromArrays({
      task: 'classification',
      train: { inputs: [[0, 0], [0, 1], [1, 0]], labels: [0, 1, 1] },
      validation: { inputs: [[0.5, 0.5]], labels: [[2]] },
      test: { inputs: new Matrix(2, 2, new Float64Array([1, 1, -1, 2])), labels: [1, 0] },
    });
    expect(data).toMatchObject({ name: 'arrays', task: 'classification', inputSize: 2, labelSize: 3 });
    expect(rows(data.train.inputs)).toEqual([[0, 0], [0, 1], [1, 0]]);
    expect(rows(data.train.labels)).toEqual([[1, 0, 0], [0, 1, 0], [0, 1, 0]]);
    expect(rows(data.validation!.labels)).toEqual([[0, 0, 1]]);
    expect(rows(data.test.inputs)).toEqual([[1, 1], [-1, 2]]);
    expect(rows(data.test.labels)).toEqual([[0, 1, 0], [1, 0, 0]]);
  });

  it('keeps one-hot labels, honours a given class count, copies the numbers and has no validation split unless given', () => {
    const inputs = new Matrix(2, 1, new Float32Array([0.25, 4]));
    const data = datasetFromArrays({
      task: 'classification',
      classes: 4,
      train: { inputs, labels: [3, 0] },
      test: { inputs: [[7]], labels: [[0, 0, 1, 0]] },
    });
    inputs.data[0] = 99;
    expect(data.labelSize).toBe(4);
    expect(rows(data.train.inputs)).toEqual([[0.25], [4]]);
    expect(data.train.inputs.data).toBeInstanceOf(Float64Array);
    expect(rows(data.train.labels)).toEqual([[0, 0, 0, 1], [1, 0, 0, 0]]);
    expect(rows(data.test.labels)).toEqual([[0, 0, 1, 0]]);
    expect('validation' in data).toBe(false);
  });

  it('takes 0/1 label columns for binary-digits', () => {
    const data = datasetFromArrays({
      name: 'xor',
      task: 'binary-digits',
      train: { inputs: [[0, 1], [1, 1]], labels: [[1, 0], [0, 1]] },
      test: { inputs: [[0, 0]], labels: [[0, 0]] },
    });
    expect(data).toMatchObject({ name: 'xor', task: 'binary-digits', inputSize: 2, labelSize: 2 });
    expect(rows(data.train.labels)).toEqual([[1, 0], [0, 1]]);
  });

  const test = { inputs: [[1, 2]], labels: [0] };
  it('names the split and the counts when labels and inputs disagree on rows', () => {
    expectError(
      { task: 'classification', train: { inputs: [[1, 2], [3, 4]], labels: [0, 1, 1] }, test },
      'arrays.train.labels: has 3 rows but the inputs have 2; every example needs one row in each',
    );
  });

  it('names the row of a ragged table and the split whose columns differ, with its file', () => {
    expectError(
      { task: 'classification', train: { inputs: [[1, 2], [3]], labels: [0, 1] }, test },
      'arrays.train.inputs: row 1 has 1 columns but row 0 has 2; every row needs the same number',
    );
    expectError(
      { task: 'classification', train: { inputs: [[1, 2]], labels: [1] }, test: { inputs: [[1, 2, 3]], labels: [0], inputsSource: 'test.csv' } },
      'arrays.test.inputs (test.csv): has 3 columns but the train inputs have 2; every split needs the same features',
    );
    expectError(
      { task: 'binary-digits', train: { inputs: [[1, 2]], labels: [[1, 0]] }, validation: { inputs: [[1, 2]], labels: [[1]] }, test: { inputs: [[1, 2]], labels: [[1, 1]] } },
      'arrays.validation.labels: has 1 columns but the train labels have 2; every split needs the same label columns',
    );
  });

  it('names the row and column of a value that is not finite', () => {
    expectError(
      { task: 'classification', train: { inputs: [[1, 2], [3, NaN]], labels: [0, 1] }, test },
      'arrays.train.inputs: row 1, column 1 is NaN; every value must be a finite number',
    );
    expectError(
      { task: 'classification', train: { inputs: [[1, 2]], labels: [0] }, test: { inputs: new Matrix(1, 2, new Float64Array([0, Infinity])), labels: [1] } },
      'arrays.test.inputs: row 0, column 1 is Infinity; every value must be a finite number',
    );
    expectError(
      { task: 'classification', train: { inputs: [[1, '2' as unknown as number]], labels: [0] }, test },
      'arrays.train.inputs: row 0, column 1 is "2", not a number',
    );
  });

  it('refuses labels that do not fit the task, naming split, row and column', () => {
    expectError(
      { task: 'classification', classes: 3, train: { inputs: [[1, 2]], labels: [0] }, validation: { inputs: [[1, 2], [3, 4]], labels: [1, 3] }, test },
      'arrays.validation.labels: row 1, column 0 is 3; class indices must be integers from 0 to 2',
    );
    expectError(
      { task: 'classification', train: { inputs: [[1, 2], [3, 4]], labels: [0, 1.5] }, test },
      'arrays.train.labels: row 1, column 0 is 1.5; class indices must be integers from 0 to 1',
    );
    expectError(
      { task: 'classification', train: { inputs: [[1, 2], [3, 4]], labels: [[0, 1], [1, 1]] }, test: { inputs: [[1, 2]], labels: [[1, 0]] } },
      'arrays.train.labels: row 1 has 2 ones; a one-hot row has exactly one 1',
    );
    expectError(
      { task: 'classification', classes: 3, train: { inputs: [[1, 2]], labels: [[0, 1]] }, test },
      'arrays.train.labels: has 2 one-hot columns but classes is 3',
    );
    expectError(
      { task: 'binary-digits', train: { inputs: [[1, 2], [3, 4]], labels: [[0, 1], [0.5, 1]] }, test: { inputs: [[1, 2]], labels: [[0, 0]] } },
      'arrays.train.labels: row 1, column 0 is 0.5; binary-digits labels must be 0 or 1',
    );
  });

  it('refuses a missing or empty split, an unknown task and a bad class count', () => {
    expectError({ task: 'classification', train: { inputs: [[1]], labels: [0] } } as unknown as DatasetFromArraysOptions, 'arrays.test: is missing; train and test are required, validation is optional');
    expectError({ task: 'classification', train: { inputs: [], labels: [] }, test }, 'arrays.train.inputs: is empty; it needs at least one row');
    expectError({ task: 'regression' as never, train: test, test }, 'arrays.task: must be "classification" or "binary-digits", got "regression"');
    expectError({ task: 'classification', classes: 1, train: test, test }, 'arrays.classes: must be an integer ≥ 2, got 1');
    expectError({ task: 'classification', train: { inputs: [1, 2] as never, labels: [0, 1] }, test }, 'arrays.train.inputs: must be an array of rows (arrays of numbers), got a flat list of numbers');
  });
});
