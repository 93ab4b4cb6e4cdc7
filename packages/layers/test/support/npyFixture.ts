import { readFileSync } from 'node:fs';

/** The bytes of a .npy file written by numpy (see test/fixtures/README.md). */
export function npyFixture(name: string): Uint8Array {
  return new Uint8Array(readFileSync(new URL(`../fixtures/${name}`, import.meta.url)));
}
