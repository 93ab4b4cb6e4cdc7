import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError } from '@synthgrad/core';
import type { Matrix } from '@synthgrad/tensor';
import { describe, expect, it } from 'vitest';
import { DataFormatError } from '@synthgrad/datasets';
import { npyBytes } from '../test/npyBytes.js';
import { readTableFile } from './readTableFile.js';

const dir = mkdtempSync(join(tmpdir(), 'synthgrad-read-table-'));
const rows = (m: Matrix) => Array.from({ length: m.rows }, (_, i) => Array.from(m.row(i)));

function file(name: string, content: string | Uint8Array): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

describe('readTableFile', () => {
  it('reads a hand-written CSV with its header', async () => {
    const { columns, table } = await readTableFile(file('iris.csv', 'length,width,species\n5.1,3.5,0\n6.2,2.9,1\n'), 'arrays.train');
    expect(columns).toEqual(['length', 'width', 'species']);
    expect(rows(table)).toEqual([[5.1, 3.5, 0], [6.2, 2.9, 1]]);
  });

  it('reads float64 and float32 .npy files written byte by byte', async () => {
    expect(rows((await readTableFile(file('x.npy', npyBytes('<f8', [2, 3], [1, 2, 3, 4, 5, -6.5])), 'a')).table)).toEqual([[1, 2, 3], [4, 5, -6.5]]);
    expect(rows((await readTableFile(file('y.npy', npyBytes('<f4', [3], [0, 2, 1])), 'a')).table)).toEqual([[0, 2, 1]]);
  });

  it('names the file of a malformed table, and hints at float64 for an integer .npy', async () => {
    const csv = file('bad.csv', 'a,b\n1,oops\n');
    await expect(readTableFile(csv, 'a')).rejects.toThrow(new DataFormatError(csv, 'line 2, column 2 ("b"): "oops" is not a finite number'));
    const npy = file('ints.npy', npyBytes('<i8', [2], [1, 0]));
    const error = await readTableFile(npy, 'a').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DataFormatError);
    expect((error as Error).message).toMatch(new RegExp(`^${npy}: fromNpy: unsupported dtype '<i8'.*np\\.save\\(path, a\\.astype\\("float64"\\)\\)`));
    const latin = file('latin.csv', new Uint8Array([0x61, 0xe9, 0x0a, 0x31, 0x0a]));
    await expect(readTableFile(latin, 'a')).rejects.toThrow(`${latin}: is not UTF-8 text`);
  });

  it('refuses other extensions', async () => {
    const txt = file('data.txt', '1,2\n');
    await expect(readTableFile(txt, 'arrays.test')).rejects.toThrow(new ConfigError('arrays.test', `"${txt}": unknown file type ".txt"; known: ".csv", ".npy"`));
  });
});
