import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root (this file is tools/e2e/src/publicPackages.ts). */
export const workspaceRoot = fileURLToPath(new URL('../../../', import.meta.url));

/** A workspace package that is published (not `private`). */
export interface WorkspacePackage {
  readonly name: string;
  readonly version: string;
  readonly dir: string;
  /** The file name `npm pack` gives its tarball: `@synthgrad/core@0.1.0` → `synthgrad-core-0.1.0.tgz`. */
  readonly tarball: string;
}

/**
 * Every public package of the workspace, found from the root package.json's `workspaces` globs
 * (`folder/*` entries), so packages added later are packed and tested without a list to update.
 *
 * @example
 * ```ts
 * publicPackages().map((p) => p.name); // ['@synthgrad/cli', '@synthgrad/core', …, 'synthgrad']
 * ```
 */
export function publicPackages(root = workspaceRoot): WorkspacePackage[] {
  const { workspaces } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { workspaces: string[] };
  return workspaces
    .flatMap((glob) => {
      if (!glob.endsWith('/*')) throw new Error(`workspaces: "${glob}" is not of the form folder/*; teach publicPackages() to expand it`);
      const parent = join(root, glob.slice(0, -2));
      return existsSync(parent) ? readdirSync(parent).map((entry) => join(parent, entry)) : [];
    })
    .filter((dir) => existsSync(join(dir, 'package.json')))
    .map((dir) => ({ dir, manifest: JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as Manifest }))
    .filter(({ manifest }) => manifest.private !== true)
    .map(({ dir, manifest }) => ({
      name: manifest.name,
      version: manifest.version,
      dir,
      tarball: `${manifest.name.replace(/^@/, '').replace('/', '-')}-${manifest.version}.tgz`,
    }))
    .sort((a, b) => a.name.localeCompare(b.name));
}

interface Manifest {
  readonly name: string;
  readonly version: string;
  readonly private?: boolean;
}
