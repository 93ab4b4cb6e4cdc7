import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { builtInSuitesDir } from './builtInSuitesDir.js';

export interface BuiltInSuite {
  readonly name: string;
  readonly description: string;
  readonly file: string;
  /** The sizes it defines besides `full` (`--size`, `--quick`). */
  readonly sizes: readonly string[];
}

/** The suites shipped in `suites/*.json`, sorted by name (a file that does not parse shows its error as description). */
export async function listBuiltInSuites(dir = builtInSuitesDir): Promise<BuiltInSuite[]> {
  const files = (await readdir(dir)).filter((f) => f.endsWith('.json'));
  const suites = await Promise.all(
    files.map(async (f) => {
      const file = join(dir, f);
      const name = f.slice(0, -'.json'.length);
      try {
        const data = JSON.parse(await readFile(file, 'utf8')) as { description?: unknown; sizes?: unknown };
        const sizes = typeof data.sizes === 'object' && data.sizes !== null ? Object.keys(data.sizes) : [];
        return { name, file, description: typeof data.description === 'string' ? data.description : '', sizes };
      } catch (error) {
        return { name, file, description: `(unreadable: ${(error as Error).message})`, sizes: [] };
      }
    }),
  );
  return suites.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}
