/**
 * Options as a short "key value · key value" line; nested values as compact JSON.
 *
 * @example
 * ```ts
 * describeOptions({ bits: 8, trainSize: 1000 }); // "bits 8 · trainSize 1000"
 * ```
 */
export function describeOptions(options: Readonly<Record<string, unknown>> | undefined): string {
  const entries = Object.entries(options ?? {});
  return entries.map(([key, value]) => `${key} ${typeof value === 'string' ? value : JSON.stringify(value)}`).join(' · ');
}
