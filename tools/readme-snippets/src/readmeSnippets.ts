import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

/** A TypeScript code block of a README. */
export interface ReadmeSnippet {
  /** The README, relative to the repository root. */
  readonly readme: string;
  /** Line of the opening fence (from 1). */
  readonly line: number;
  readonly code: string;
  /** `ts no-run`: type-checked, not run. `ts no-check`: neither (a fragment, e.g. a test file). */
  readonly run: boolean;
  readonly check: boolean;
}

const SKIPPED_DIRS = new Set(['node_modules', 'dist', 'results', 'coverage', '.git', '.nx', '.snippets']);

/**
 * Every ```ts / ```typescript block of every README.md under `root`, found by walking the tree
 * (so READMEs added later are covered without a list to update).
 *
 * @example
 * ```ts no-run
 * readmeSnippets('/repo').map((s) => `${s.readme}:${s.line}`); // ['packages/core/README.md:12', …]
 * ```
 */
export function readmeSnippets(root: string): ReadmeSnippet[] {
  return readmes(root).flatMap((file) => extract(relative(root, file), readFileSync(file, 'utf8')));
}

function readmes(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .sort((a, b) => a.name.localeCompare(b.name))
    .flatMap((entry) => {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) return SKIPPED_DIRS.has(entry.name) ? [] : readmes(path);
      return entry.name === 'README.md' ? [path] : [];
    });
}

/** The TypeScript blocks of one markdown text. */
export function extract(readme: string, markdown: string): ReadmeSnippet[] {
  const snippets: ReadmeSnippet[] = [];
  const lines = markdown.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const open = /^```(ts|typescript)\b(.*)$/.exec(lines[i]);
    if (!open) continue;
    const end = lines.findIndex((l, j) => j > i && /^```\s*$/.test(l));
    if (end < 0) throw new Error(`${readme}:${i + 1}: a code block that is never closed`);
    const flags = open[2].trim().split(/\s+/);
    const check = !flags.includes('no-check');
    snippets.push({ readme, line: i + 1, code: lines.slice(i + 1, end).join('\n'), check, run: check && !flags.includes('no-run') });
    i = end;
  }
  return snippets;
}
