import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { cpus, platform, release, arch } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Provenance } from './Provenance.js';
import { redactUrlPasswords } from './redactUrlPasswords.js';

/** The synthgrad packages whose versions a record names, when they are installed. */
const PACKAGES = [
  '@synthgrad/cli',
  'synthgrad',
  '@synthgrad/core',
  '@synthgrad/tensor',
  '@synthgrad/tensor-wasm',
  '@synthgrad/tensor-blas',
  '@synthgrad/layers',
  '@synthgrad/generator-inputs',
  '@synthgrad/datasets',
  '@synthgrad/datasets-mnist',
  '@synthgrad/trainers',
  '@synthgrad/parallel',
];

/** Git gets this long to answer; a slow network file system must not hold up a suite. */
const GIT_TIMEOUT_MS = 3000;

export interface ProvenanceSource {
  /** The command line after `synthgrad` (a URL's password in it is recorded as `***`). */
  readonly command: readonly string[];
  /** The run folder's suite.json. */
  readonly suiteFile: string;
  /** Where the command ran: its git commit is recorded. */
  readonly cwd: string;
  readonly workers: Provenance['workers'];
}

/**
 * The {@link Provenance} of the runs this process is about to record. The password of a URL in the
 * command line (`--queue redis://user:secret@host`) is recorded as `***`.
 *
 * @example
 * ```ts
 * const provenance = await collectProvenance({ command: ['compare', 'seed'], suiteFile, cwd: process.cwd(), workers: 'threads' });
 * provenance.cpu; // { model: 'AMD EPYC 7B13', count: 2 }
 * ```
 */
export async function collectProvenance(source: ProvenanceSource): Promise<Provenance> {
  const suiteSha256 = createHash('sha256').update(await readFile(source.suiteFile)).digest('hex');
  const cpuList = cpus();
  const commit = gitOutput(['rev-parse', 'HEAD'], source.cwd);
  return {
    packages: packageVersions(),
    node: process.version,
    os: { platform: platform(), release: release(), arch: arch() },
    cpu: { model: cpuList[0]?.model.trim() ?? 'unknown', count: cpuList.length },
    ...(commit && /^[0-9a-f]{40,64}$/.test(commit) ? { gitCommit: commit, gitDirty: gitOutput(['status', '--porcelain', '--untracked-files=no'], source.cwd) !== '' } : {}),
    command: redactUrlPasswords(source.command),
    suiteSha256,
    workers: source.workers,
  };
}

/** Git's trimmed output, or `undefined` when git is missing, fails (not a repository) or times out. */
function gitOutput(args: readonly string[], cwd: string): string | undefined {
  try {
    return execFileSync('git', args, { cwd, timeout: GIT_TIMEOUT_MS, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return undefined;
  }
}

/**
 * Versions of the synthgrad packages, read from their package.json: this package's own, then each
 * other found in a `node_modules` folder at or above it (where npm installs them, hoisted or not).
 */
function packageVersions(): Record<string, string> {
  // package.json sits two levels above both src/output and dist/output.
  const own = fileURLToPath(new URL('../../', import.meta.url));
  const versions: Record<string, string> = {};
  for (const name of PACKAGES) {
    for (let dir = own; ; dir = dirname(dir)) {
      const file = name === '@synthgrad/cli' && dir === own ? join(own, 'package.json') : join(dir, 'node_modules', name, 'package.json');
      const version = readVersion(file, name);
      if (version) {
        versions[name] = version;
        break;
      }
      if (dirname(dir) === dir) break;
    }
  }
  return versions;
}

function readVersion(file: string, name: string): string | undefined {
  if (!existsSync(file)) return undefined;
  try {
    const json = JSON.parse(readFileSync(file, 'utf8')) as { name?: unknown; version?: unknown };
    return json.name === name && typeof json.version === 'string' ? json.version : undefined;
  } catch {
    return undefined;
  }
}
