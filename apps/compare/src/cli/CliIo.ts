/** Where the CLI writes and reads its surroundings from (tests pass their own). */
export interface CliIo {
  /** Results: the summary table and paths. */
  readonly out: (text: string) => void;
  /** Progress, warnings and errors. */
  readonly err: (text: string) => void;
  /** Whether progress may draw bars (stderr is a terminal). */
  readonly isTTY: boolean;
  /** Relative paths given on the command line are resolved from here. */
  readonly cwd: string;
  /** The terminal's width in characters, when results go to a terminal: tables are fitted to it. */
  readonly columns?: number;
  /** The arguments after `synthgrad`, as given (recorded in each run's provenance). */
  readonly argv?: readonly string[];
}

/** The process's own: npm scripts run in the package folder, so `npm start` resolves paths from where npm was called. */
export function processIo(): CliIo {
  const fromNpmStart = process.env.npm_lifecycle_event === 'start' && process.env.INIT_CWD;
  return {
    out: (text) => process.stdout.write(`${text}\n`),
    err: (text) => process.stderr.write(`${text}\n`),
    isTTY: Boolean(process.stderr.isTTY),
    cwd: fromNpmStart ? process.env.INIT_CWD! : process.cwd(),
    ...(process.stdout.isTTY && process.stdout.columns > 0 ? { columns: process.stdout.columns } : {}),
  };
}
