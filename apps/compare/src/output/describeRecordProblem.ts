const STATUSES = new Set(['completed', 'diverged', 'failed']);

/**
 * Why a parsed line of results.jsonl is not a run record (undefined when it is one): the fields
 * resuming and summarising rely on must be there with the right types.
 */
export function describeRecordProblem(value: unknown): string | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return `expected a JSON object, got ${value === null ? 'null' : Array.isArray(value) ? 'an array' : typeof value}`;
  }
  const record = value as Record<string, unknown>;
  if (typeof record.label !== 'string') return 'its "label" is not a string';
  if (!Number.isSafeInteger(record.seed)) return 'its "seed" is not an integer';
  if (typeof record.status !== 'string' || !STATUSES.has(record.status)) return 'its "status" is not "completed", "diverged" or "failed"';
  if (!Array.isArray(record.history)) return 'its "history" is not a list';
  if (record.history.some((epoch) => typeof epoch !== 'object' || epoch === null)) return 'its "history" holds something other than epoch records';
  return undefined;
}
