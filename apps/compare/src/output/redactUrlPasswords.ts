/**
 * A URL's user and password: from `//` to the last `@` of the word (a password may hold `@`, `/`, `:`
 * or `#`); the user name ends at the first `:`.
 */
const CREDENTIALS = /([a-z][a-z0-9+.-]*:\/\/)([^:@/]*):(.*)@/gi;

/**
 * The words of a command line with the password of any URL in them replaced by `***`
 * (`redis://user:secret@host` becomes `redis://user:***@host`), so a run record's provenance and the
 * report never hold it. Words without a password come back as they were.
 *
 * @example
 * ```ts
 * redactUrlPasswords(['compare', 'seed', '--queue', 'redis://:secret@10.0.0.5:6379']); // ['compare', 'seed', '--queue', 'redis://:***@10.0.0.5:6379']
 * ```
 */
export function redactUrlPasswords(words: readonly string[]): string[] {
  return words.map((word) => word.replace(CREDENTIALS, (_all, scheme: string, user: string) => `${scheme}${user}:***@`));
}
