/**
 * What made a run record: the software, the machine and the command. Written into every record of
 * results.jsonl (`provenance`) by the process that runs the suite; the report shows it. With
 * `--queue`, the machine fields are the coordinating machine's (the workers may differ).
 */
export interface Provenance {
  /** Versions of the synthgrad packages found beside the CLI, by package name (`synthgrad`, `@synthgrad/cli`, …). */
  readonly packages: Readonly<Record<string, string>>;
  /** `process.version`: "v22.11.0". */
  readonly node: string;
  /** `os.platform()`, `os.release()`, `os.arch()`. */
  readonly os: { readonly platform: string; readonly release: string; readonly arch: string };
  /** `os.cpus()[0].model` and how many logical CPUs. */
  readonly cpu: { readonly model: string; readonly count: number };
  /** `git rev-parse HEAD` of the folder the command ran in, when that is inside a git repository. */
  readonly gitCommit?: string;
  /** Whether that work tree had uncommitted changes to tracked files (absent outside a repository). */
  readonly gitDirty?: boolean;
  /** The command as typed, after `synthgrad`: ["compare", "seed", "--quick"]; a URL's password is `***`. */
  readonly command: readonly string[];
  /** sha256 (hex) of the run folder's suite.json as the runs read it: `sha256sum suite.json` checks it. */
  readonly suiteSha256: string;
  /** `threads`: trained by this machine's worker threads; `queue`: by `synthgrad worker`s on a queue. */
  readonly workers: 'threads' | 'queue';
}
