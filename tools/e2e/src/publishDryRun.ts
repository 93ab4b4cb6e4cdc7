import { execFileSync } from 'node:child_process';

/** What `npm publish --dry-run --json` says it would publish. */
export interface PublishSummary {
  readonly name: string;
  readonly version: string;
  /** The tarball's files, relative to the package folder. */
  readonly files: readonly string[];
}

/**
 * Runs `npm publish --dry-run` in a package folder as `changeset publish` would publish it (public
 * access, tag `latest`), offline: nothing is sent and no login is needed. Throws when npm refuses
 * (a bad manifest, a failing lifecycle script).
 *
 * @example
 * ```ts
 * publishDryRun('packages/core').files; // ['LICENSE', 'README.md', 'dist/index.js', …, 'package.json', …]
 * ```
 */
export function publishDryRun(dir: string): PublishSummary {
  const output = execFileSync(
    'npm',
    ['publish', '--dry-run', '--json', '--access', 'public', '--tag', 'latest', '--offline', '--workspaces=false', '--loglevel=error'],
    { cwd: dir, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] },
  );
  // npm prints the summary as JSON, keyed by the package's name in newer versions.
  const parsed = JSON.parse(output.slice(output.indexOf('{'))) as RawSummary | Record<string, RawSummary>;
  const summary = 'files' in parsed ? (parsed as RawSummary) : Object.values(parsed as Record<string, RawSummary>)[0];
  return { name: summary.name, version: summary.version, files: summary.files.map((f) => f.path) };
}

interface RawSummary {
  readonly name: string;
  readonly version: string;
  readonly files: readonly { readonly path: string }[];
}
