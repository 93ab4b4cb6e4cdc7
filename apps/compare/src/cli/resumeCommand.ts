/**
 * The command that resumes a run folder, as the user can type it where they are: `npm start -- --resume`
 * under `npm start` (this repository's script), else `npx synthgrad compare --resume`, which works in a
 * project that installed @synthgrad/cli (its bin is under node_modules/.bin, not on PATH), in a clone
 * of this repository, and for a global install alike.
 *
 * @example
 * ```ts
 * resumeCommand({}); // "npx synthgrad compare --resume"
 * ```
 */
export function resumeCommand(env: NodeJS.ProcessEnv = process.env): string {
  return env.npm_lifecycle_event === 'start' ? 'npm start -- --resume' : 'npx synthgrad compare --resume';
}
