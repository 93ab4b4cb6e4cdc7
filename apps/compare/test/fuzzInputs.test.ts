import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CliError } from '../src/cli/CliError.js';
import { ResultsLog } from '../src/output/ResultsLog.js';
import { appDir, cli, tempDir } from './helpers.js';

const smoke = JSON.parse(readFileSync(join(appDir, 'suites', 'seed-smoke.json'), 'utf8')) as unknown;

/** A value to put somewhere in a suite: wrong types, huge and odd numbers, hostile strings, deep nests. */
const hostileValue = fc.oneof(
  fc.constantFrom(null, true, -1, 0, 1e400, -1e400, 2 ** 53, 1e-320, '', 'x', 'size(zeros(30000,30000))[1]', 'createUnit("zzz")', [], {}),
  fc.string({ maxLength: 20 }),
  fc.double(),
  fc.integer(),
  fc.jsonValue({ maxDepth: 3 }),
);

/** Every path in a JSON value (objects and arrays), to pick one to change. */
function paths(value: unknown, prefix: (string | number)[] = []): (string | number)[][] {
  if (typeof value !== 'object' || value === null) return [prefix];
  const entries: [string | number, unknown][] = Array.isArray(value) ? value.map((v, i) => [i, v]) : Object.entries(value);
  return [prefix, ...entries.flatMap(([k, v]) => paths(v, [...prefix, k]))];
}
const allPaths = paths(smoke).filter((p) => p.length > 0);

function mutate(value: unknown, path: (string | number)[], replacement: unknown, remove: boolean): unknown {
  const copy = structuredClone(value) as Record<string | number, unknown>;
  let node = copy;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
  const last = path[path.length - 1];
  if (remove) delete node[last];
  else node[last] = replacement;
  return copy;
}

/** Fails the case rather than hanging the suite. */
function within<T>(ms: number, work: Promise<T>): Promise<T> {
  return Promise.race([work, new Promise<T>((_, reject) => setTimeout(() => reject(new Error(`case took over ${ms} ms`)), ms))]);
}

describe('fuzz: mutated suites and results logs', () => {
  it('checking a mutated suite either passes or exits 2 with one short message, never a stack trace', async () => {
    const dir = tempDir();
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...allPaths), hostileValue, fc.boolean(), async (path, value, remove) => {
        const file = join(dir, 'suite.json');
        // JSON.stringify writes Infinity as null; keep the 1e400 the user would have typed.
        writeFileSync(file, JSON.stringify(mutate(smoke, path, value, remove), (_k, v: unknown) => (v === Infinity ? '__INF__' : v)).replace(/"__INF__"/g, '1e400'));
        const { code, out, err } = await within(15_000, cli(['check', file]));
        expect([0, 2], err).toContain(code);
        if (code === 0) expect(out).toContain('ready to run');
        else {
          expect(err).toMatch(/^synthgrad: /);
          expect(err).not.toMatch(/\n\s+at /);
          expect(err.length).toBeLessThan(8000);
        }
      }),
      { numRuns: 60, seed: 20261202 },
    );
  }, 120_000);

  it('reading a mutated results log gives records or a refusal naming a line, never another error', async () => {
    const record = (label: string, seed: number) => JSON.stringify({ label, seed, status: 'completed', history: [{ epoch: 0 }] });
    const valid = [record('a', 1), record('b', 1), record('c', 1)];
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.oneof(fc.constantFrom(...valid), fc.string({ maxLength: 30 }), fc.jsonValue({ maxDepth: 2 }).map((v) => JSON.stringify(v))), { maxLength: 6 }),
        fc.nat(200),
        fc.boolean(),
        async (lines, cut, newline) => {
          const file = join(mkdtempSync(join(tmpdir(), 'fuzz-log-')), 'results.jsonl');
          const text = lines.join('\n');
          writeFileSync(file, text.slice(0, Math.max(0, text.length - cut)) + (newline ? '\n' : ''));
          const log = new ResultsLog(file);
          try {
            await within(5_000, log.touch());
            const records = await within(5_000, log.read());
            for (const r of records) expect(typeof r.label).toBe('string');
          } catch (error) {
            expect(error).toBeInstanceOf(CliError);
            expect((error as Error).message).toMatch(/results\.jsonl:\d+: not a run record/);
          }
        },
      ),
      { numRuns: 200, seed: 20261202 },
    );
  });
});
