/** What a bench case produced: a measurement, or why it was not taken. */
export type CaseResult<T> = { readonly value: T } | { readonly skipped: string };

export function skipped<T>(reason: string): CaseResult<T> {
  return { skipped: reason };
}

export function isSkipped<T>(result: CaseResult<T>): result is { readonly skipped: string } {
  return 'skipped' in result;
}
