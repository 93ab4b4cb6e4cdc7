import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError, createContainer, DatasetRegistry } from '@synthgrad/core';
import type { Matrix } from '@synthgrad/tensor';
import { describe, expect, it } from 'vitest';
import { datasetsModule } from '@synthgrad/datasets';
import { arraysModule } from './arraysModule.js';
import { npyBytes } from '../test/npyBytes.js';

const dir = mkdtempSync(join(tmpdir(), 'synthgrad-arrays-'));
const rows = (m: Matrix) => Array.from({ length: m.rows }, (_, i) => Array.from(m.row(i)));
const write = (name: string, content: string | Uint8Array) => writeFileSync(join(dir, name), content);

write('train.csv', 'x1,class,x2\n0.5,2,1\n-1,0,3\n2,1,0\n');
write('validation.csv', 'x1,class,x2\n1,1,1\n');
write('test.csv', 'x1,class,x2\n0,0,0\n4,2,-2\n');
write('plain.csv', '1,2,1\n3,4,0\n');
write('x.npy', npyBytes('<f8', [3, 2], [1, 2, 3, 4, 5, 6]));
write('y.npy', npyBytes('<f8', [3], [1, 0, 1]));
write('bits.csv', '1,0\n0,0\n1,1\n');
write('xt.npy', npyBytes('<f4', [1, 2], [7, 8]));
write('yt.csv', '0,1\n');

const registry = createContainer({ modules: [datasetsModule, arraysModule] }).get(DatasetRegistry);
const arrays = registry.get('arrays');

describe('arrays (through a container)', () => {
  it('is registered beside the built-ins', () => {
    expect(registry.names()).toEqual(['arrays', 'binary-addition']);
  });

  it('reads one CSV per split, a named label column taken out of the inputs, class indices made one-hot', async () => {
    const data = await arrays.load({ train: 'train.csv', validation: 'validation.csv', test: 'test.csv', label: 'class', baseDir: dir });
    expect(data).toMatchObject({ name: 'arrays', task: 'classification', inputSize: 2, labelSize: 3 });
    expect(rows(data.train.inputs)).toEqual([[0.5, 1], [-1, 3], [2, 0]]);
    expect(rows(data.train.labels)).toEqual([[0, 0, 1], [1, 0, 0], [0, 1, 0]]);
    expect(rows(data.validation!.labels)).toEqual([[0, 1, 0]]);
    expect(rows(data.test.inputs)).toEqual([[0, 0], [4, -2]]);
    expect(rows(data.test.labels)).toEqual([[1, 0, 0], [0, 0, 1]]);
  });

  it('takes the last column as the label by default, and absolute paths as they are', async () => {
    const data = await arrays.load({ train: join(dir, 'plain.csv'), test: join(dir, 'plain.csv') });
    expect(rows(data.train.inputs)).toEqual([[1, 2], [3, 4]]);
    expect(rows(data.train.labels)).toEqual([[0, 1], [1, 0]]);
  });

  it('reads inputs and labels from separate .npy and CSV files, a 1-D label array as one column', async () => {
    const data = await arrays.load({ train: { inputs: 'x.npy', labels: 'y.npy' }, test: { inputs: 'xt.npy', labels: 'yt.csv' }, baseDir: dir, classes: 2 });
    expect(rows(data.train.inputs)).toEqual([[1, 2], [3, 4], [5, 6]]);
    expect(rows(data.train.labels)).toEqual([[0, 1], [1, 0], [0, 1]]);
    expect(rows(data.test.labels)).toEqual([[0, 1]]);
    const digits = await arrays.load({ task: 'binary-digits', train: { inputs: 'x.npy', labels: 'bits.csv' }, test: { inputs: 'xt.npy', labels: 'yt.csv' }, baseDir: dir });
    expect(digits).toMatchObject({ task: 'binary-digits', labelSize: 2 });
    expect(rows(digits.train.labels)).toEqual([[1, 0], [0, 0], [1, 1]]);
  });

  it('names the split, the file and the row of bad labels', async () => {
    await expect(arrays.load({ train: 'train.csv', test: 'test.csv', label: 'class', classes: 2, baseDir: dir })).rejects.toThrow(
      new ConfigError(`arrays.train.labels (${join(dir, 'train.csv')})`, 'row 0, column 0 is 2; class indices must be integers from 0 to 1'),
    );
    await expect(arrays.load({ train: { inputs: 'x.npy', labels: 'yt.csv' }, test: 'test.csv', baseDir: dir })).rejects.toThrow(
      new ConfigError(`arrays.train.labels (${join(dir, 'yt.csv')})`, 'has 1 rows but the inputs have 3; every example needs one row in each'),
    );
  });

  it('refuses unknown options, missing splits, unknown columns and files that are not regular', async () => {
    await expect(arrays.load({ train: 'train.csv', test: 'test.csv', lable: 'class' } as never)).rejects.toThrow(
      'arrays: unknown option "lable"; known: "task", "classes", "train", "validation", "test", "label", "header", "baseDir"',
    );
    await expect(arrays.load({ train: 'train.csv' } as never)).rejects.toThrow('arrays.test: is missing;');
    await expect(arrays.load({ train: 'train.csv', test: 'test.csv', label: 'kind', baseDir: dir })).rejects.toThrow(
      `arrays.train (${join(dir, 'train.csv')}): no column "kind"; the columns are "x1", "class", "x2"`,
    );
    await expect(arrays.load({ train: 'plain.csv', test: 'plain.csv', label: 'class', baseDir: dir })).rejects.toThrow(
      'label column "class" is named, but the file has no header line',
    );
    await expect(arrays.load({ train: { inputs: 'x.npy' } as never, test: 'test.csv', baseDir: dir })).rejects.toThrow('arrays.train.labels: must be a file name, got undefined');
    mkdirSync(join(dir, 'elsewhere'));
    write('elsewhere/secret.csv', '1,0\n');
    symlinkSync(join(dir, 'elsewhere', 'secret.csv'), join(dir, 'linked.csv'));
    await expect(arrays.load({ train: 'linked.csv', test: 'test.csv', baseDir: dir })).rejects.toThrow(
      `arrays.train: "${join(dir, 'linked.csv')}" is a symbolic link; name the file it points to instead`,
    );
  });
});
