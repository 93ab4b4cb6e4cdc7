import { spawnSync } from 'node:child_process';
import { skipped, type CaseResult } from './CaseResult.js';

/**
 * Runs a reference in a child process (never concurrently with a JS measurement) and parses the
 * JSON object its last stdout line holds, or says why it could not.
 */
export function runJsonChild<T>(
  label: string,
  command: string,
  args: readonly string[],
  env: NodeJS.ProcessEnv = process.env,
): CaseResult<T> {
  const run = spawnSync(command, args, { encoding: 'utf8', timeout: 300_000, env, maxBuffer: 1 << 24 });
  if (run.error !== undefined || run.status !== 0) {
    const why = run.error?.message ?? lastLine(run.stderr) ?? `exit ${run.status}`;
    return skipped(`${label}: failed (${why.slice(0, 200)}), skipped`);
  }
  const line = lastLine(run.stdout) ?? '';
  try {
    return { value: JSON.parse(line) as T };
  } catch {
    return skipped(`${label}: unreadable output ${JSON.stringify(line.slice(0, 80))}, skipped`);
  }
}

function lastLine(text: string): string | undefined {
  return text.trim().split('\n').pop();
}
