import { execFileSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { collectProvenance } from './collectProvenance.js';

describe('collectProvenance', async () => {
  const folder = await mkdtemp(join(tmpdir(), 'synthgrad-provenance-'));
  const suiteFile = join(folder, 'suite.json');
  await writeFile(suiteFile, 'abc');
  afterAll(() => rm(folder, { recursive: true, force: true }));

  it('hashes suite.json, names Node, the machine, the command and the packages', async () => {
    const p = await collectProvenance({ command: ['compare', 'seed', '--quick'], suiteFile, cwd: folder, workers: 'threads' });
    // sha256("abc"), FIPS 180-2 appendix B.1
    expect(p.suiteSha256).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(p.node).toBe(process.version);
    expect(p.cpu).toEqual({ model: cpus()[0].model.trim(), count: cpus().length });
    expect(p.command).toEqual(['compare', 'seed', '--quick']);
    expect(p.workers).toBe('threads');
    expect(p.packages['@synthgrad/cli']).toMatch(/^\d+\.\d+\.\d+/);
    expect(p.packages.synthgrad).toMatch(/^\d+\.\d+\.\d+/);
  });

  it('never records the password of a --queue URL', async () => {
    const p = await collectProvenance({ command: ['compare', 'seed', '--queue', 'redis://user:secret@10.0.0.5:6379/2'], suiteFile, cwd: folder, workers: 'queue' });
    expect(p.command).toEqual(['compare', 'seed', '--queue', 'redis://user:***@10.0.0.5:6379/2']);
    expect(JSON.stringify(p)).not.toContain('secret');
  });

  it('records the git commit inside a repository and none outside one', async () => {
    const repository = process.cwd();
    const head = execFileSync('git', ['rev-parse', 'HEAD'], { cwd: repository, encoding: 'utf8' }).trim();
    const inside = await collectProvenance({ command: [], suiteFile, cwd: repository, workers: 'queue' });
    expect(inside.gitCommit).toBe(head);
    expect(typeof inside.gitDirty).toBe('boolean');
    const outside = await collectProvenance({ command: [], suiteFile, cwd: folder, workers: 'queue' });
    expect(outside).not.toHaveProperty('gitCommit');
    expect(outside).not.toHaveProperty('gitDirty');
  });
});
