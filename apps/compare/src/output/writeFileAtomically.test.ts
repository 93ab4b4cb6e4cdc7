import { mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CliError } from '../cli/CliError.js';
import { writeFileAtomically } from './writeFileAtomically.js';
import { writeReportIfAvailable } from './writeReportIfAvailable.js';

const folder = () => mkdtempSync(join(tmpdir(), 'atomic-'));

describe('writeFileAtomically (work lost: no partial file left as if whole)', () => {
  it('replaces the file whole and leaves no temporary file', async () => {
    const dir = folder();
    writeFileSync(join(dir, 'summary.csv'), 'old');
    await writeFileAtomically(join(dir, 'summary.csv'), 'new,contents\n');
    expect(readFileSync(join(dir, 'summary.csv'), 'utf8')).toBe('new,contents\n');
    expect(readdirSync(dir)).toEqual(['summary.csv']);
  });

  it('keeps the previous file whole, and removes its temporary file, when writing fails midway', async () => {
    const dir = folder();
    writeFileSync(join(dir, 'summary.csv'), 'previous');
    // A value the write cannot take stands for a full disk: the write fails after the temporary file exists.
    await expect(writeFileAtomically(join(dir, 'summary.csv'), 42 as unknown as string)).rejects.toThrow();
    expect(readFileSync(join(dir, 'summary.csv'), 'utf8')).toBe('previous');
    expect(readdirSync(dir)).toEqual(['summary.csv']);
  });

  it('refuses a symbolic link in the file\'s place, leaving its target as it was (files outside the run folder)', async () => {
    const dir = folder();
    const target = join(folder(), 'elsewhere');
    writeFileSync(target, 'keep');
    symlinkSync(target, join(dir, 'summary.csv'));
    await expect(writeFileAtomically(join(dir, 'summary.csv'), 'x')).rejects.toThrow(CliError);
    expect(readFileSync(target, 'utf8')).toBe('keep');
  });

  it('report.html that cannot be written is an error for a non-zero exit, not a warning', async () => {
    const warnings: string[] = [];
    const missing = join(folder(), 'gone');
    await expect(writeReportIfAvailable(missing, [], { name: 'x' } as never, (w) => warnings.push(w))).rejects.toThrow(`cannot write report.html in "${missing}"`);
  });
});
