// `npm publish --dry-run` of every public package, as `changeset publish` will publish it: npm accepts
// each manifest and lifecycle, and each tarball holds what a user needs and no tests. Offline, no login.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { publicPackages, workspaceRoot } from './publicPackages.js';
import { publishDryRun } from './publishDryRun.js';

const packages = publicPackages();

describe('npm publish --dry-run of every public package', () => {
  it.each(packages.map((p) => [p.name, p] as const))('%s: npm would publish it, with its README and LICENSE and no tests', (_, p) => {
    const summary = publishDryRun(p.dir);
    expect({ name: summary.name, version: summary.version }).toEqual({ name: p.name, version: p.version });
    expect(summary.files).toEqual(expect.arrayContaining(['package.json', 'README.md', 'LICENSE']));
    const unwanted = summary.files.filter((f) => /\.(test|spec)\.[cm]?[jt]sx?$|(^|\/)node_modules\/|\.tsbuildinfo$/.test(f));
    expect(unwanted).toEqual([]);
  }, 120_000);

  it('publishes the scoped packages with public access (a scoped package is private by default)', () => {
    const config = JSON.parse(readFileSync(join(workspaceRoot, '.changeset', 'config.json'), 'utf8')) as { access?: string };
    const restricted = packages.filter((p) => {
      if (!p.name.startsWith('@')) return false;
      const manifest = JSON.parse(readFileSync(join(p.dir, 'package.json'), 'utf8')) as { publishConfig?: { access?: string } };
      return (manifest.publishConfig?.access ?? config.access) !== 'public';
    });
    expect(restricted.map((p) => p.name)).toEqual([]);
  });
});
