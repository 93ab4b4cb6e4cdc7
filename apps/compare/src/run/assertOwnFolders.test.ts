import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { assertOwnFolders } from './assertOwnFolders.js';

describe('assertOwnFolders (files outside the run folder)', () => {
  const run = () => mkdtempSync(join(tmpdir(), 'own-folders-'));

  it('passes real folders and parts not created yet', async () => {
    const base = run();
    mkdirSync(join(base, 'weights', 'dni'), { recursive: true });
    await expect(assertOwnFolders(join(base, 'weights'), join(base, 'weights', 'dni', 'seed-1'))).resolves.toBeUndefined();
    await expect(assertOwnFolders(join(base, 'absent'), join(base, 'absent', 'dni', 'seed-1'))).resolves.toBeUndefined();
  });

  it('refuses a weights folder, or a configuration folder in it, that is a symbolic link', async () => {
    const base = run();
    const elsewhere = run();
    symlinkSync(elsewhere, join(base, 'weights'));
    await expect(assertOwnFolders(join(base, 'weights'), join(base, 'weights', 'dni', 'seed-1'))).rejects.toThrow(`"${join(base, 'weights')}" is a symbolic link`);
    const other = run();
    mkdirSync(join(other, 'weights'));
    symlinkSync(elsewhere, join(other, 'weights', 'dni'));
    await expect(assertOwnFolders(join(other, 'weights'), join(other, 'weights', 'dni', 'seed-1'))).rejects.toThrow(`"${join(other, 'weights', 'dni')}" is a symbolic link`);
    writeFileSync(join(other, 'weights', 'file'), '');
    await expect(assertOwnFolders(join(other, 'weights'), join(other, 'weights', 'file', 'seed-1'))).rejects.toThrow('is not a folder');
  });
});
