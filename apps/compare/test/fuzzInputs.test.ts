import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CliError } from '../src/cli/CliError.js';
import { csvCell } from '../src/output/toCsv.js';
import { ResultsLog } from '../src/output/ResultsLog.js';
import { checkJobRecord } from '../src/queue/checkJobRecord.js';
import { checkRunJob } from '../src/queue/checkRunJob.js';
import { parseRedisUrl } from '../src/queue/redisUrl.js';
import type { RunSpec } from '../src/run/RunSpec.js';
import { weightsFolderOf } from '../src/run/weightsFolderOf.js';
import { terminalSafe } from '../src/cli/terminalSafe.js';
import { checkLabels } from '../src/suite/checkLabels.js';
import { expandSweep } from '../src/suite/expandSweep.js';
import { parseSuite } from '../src/suite/readSuiteFile.js';
import { SuiteError } from '../src/suite/SuiteError.js';
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

/** Strings with what hostile input holds: control codes, path separators, formula starts, long runs. */
const hostileText = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: fc.constantFrom('a', 'A', ' ', '/', '_', '.', '\n', '\r', '\t', '\u0007', '\u001b', ']', '[', '=', '+', '-', '@', '\u009b', 'é', '%', '#'), maxLength: 30 }),
  fc.integer({ min: 250, max: 300 }).map((n) => 'x'.repeat(n)),
);

describe('fuzz: the classes of hostile input (issue 25)', () => {
  it('two things with one name: accepted labels always have folder names of their own, short and without control codes', () => {
    fc.assert(
      fc.property(fc.array(hostileText.filter((t) => t.length > 0), { minLength: 1, maxLength: 6 }), (labels) => {
        const unique = [...new Set(labels)];
        const suite = parseSuite({ ...(smoke as object), runs: unique.map((label) => ({ label, trainer: 'backprop' })) }, 'fuzz');
        try {
          checkLabels(suite, 'fuzz');
        } catch (error) {
          expect(error).toBeInstanceOf(SuiteError);
          return;
        }
        const folders = unique.map((label) => weightsFolderOf('/w', { label, seed: 1 }).toLowerCase());
        expect(new Set(folders).size).toBe(unique.length);
        for (const label of unique) {
          expect(label.length).toBeLessThanOrEqual(255);
          expect(label).not.toMatch(/[\u0000-\u001f\u007f-\u009f]/);
        }
      }),
      { numRuns: 300, seed: 20261208 },
    );
  });

  it('sizes: a sweep either expands to at most 10,000 configurations that all pass the schema, or is refused at once', () => {
    const values = fc.oneof(fc.integer({ min: -5, max: 2_000_000 }), fc.double(), fc.constantFrom(0, -3, 2.5, 'ten', 1e12, null));
    fc.assert(
      fc.property(
        fc.dictionary(fc.constantFrom('training.epochs', 'training.batchSize', 'network.learningRate', 'options.a', 'options.b', 'options.c'), fc.array(values, { minLength: 1, maxLength: 40 }), { minKeys: 1 }),
        fc.option(fc.integer({ min: 1, max: 1e9 }), { nil: undefined }),
        (space, samples) => {
          const suite = parseSuite({ ...(smoke as object), sweep: { space, ...(samples === undefined ? {} : { samples }) } }, 'fuzz');
          const started = performance.now();
          try {
            const expanded = expandSweep(suite, 'fuzz');
            expect(expanded.runs.length).toBeLessThanOrEqual(10_000);
            for (const run of expanded.runs) {
              const training = { ...expanded.training, ...run.training };
              expect(Number.isInteger(training.epochs) && training.epochs >= 0 && training.epochs <= 1_000_000).toBe(true);
              expect(Number.isInteger(training.batchSize) && training.batchSize > 0).toBe(true);
            }
          } catch (error) {
            expect(error).toBeInstanceOf(SuiteError);
          }
          expect(performance.now() - started).toBeLessThan(5_000);
        },
      ),
      { numRuns: 150, seed: 20261208 },
    );
  }, 120_000);

  it('messages: a Redis URL never shows any part of its password, escaped or not', () => {
    const passwordChar = fc.constantFrom(...'abcXYZ019@/#?:%!~'.split(''));
    fc.assert(
      fc.property(fc.string({ unit: passwordChar, minLength: 1, maxLength: 12 }), fc.boolean(), fc.constantFrom('', '/0', '/3', '/99', '/x'), (tail, escape, db) => {
        const password = `Qv8${tail}`;
        const text = `redis://user:${escape ? encodeURIComponent(password) : password}@host.example:6379${db}`;
        let shown: string;
        try {
          shown = parseRedisUrl('--queue', text).display;
        } catch (error) {
          expect(error).toBeInstanceOf(CliError);
          shown = (error as Error).message;
        }
        expect(shown).not.toContain('Qv8');
      }),
      { numRuns: 400, seed: 20261208 },
    );
  });

  it('injection: no CSV cell starts a formula, and no terminal line keeps a control code', () => {
    fc.assert(
      fc.property(hostileText, (text) => {
        expect(csvCell(text).replace(/^"/, '')).not.toMatch(/^[=+\-@\t\r]/);
        expect(terminalSafe(text)).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
        expect(terminalSafe(text, { oneLine: true })).not.toMatch(/[\u0000-\u001f\u007f-\u009f]/);
      }),
      { numRuns: 500, seed: 20261208 },
    );
  });

  it('records nobody made: a mutated queue record is either the run\'s own or refused, never an exception', () => {
    const spec = { suite: 'seed-smoke', label: 'backprop', seed: 1, trainer: 'backprop', options: {}, network: { layers: [{ units: 4 }] }, dataset: { name: 'binary-addition', options: {} }, training: { epochs: 2, batchSize: 10 }, backend: 'cpu', index: 0, total: 1 } as unknown as RunSpec;
    const real = { ...spec, index: undefined, total: undefined, status: 'completed', history: [{ epoch: 0, test: { loss: 1 } }], seconds: 1, finishedAt: 'now' };
    const keys = Object.keys(real);
    fc.assert(
      fc.property(fc.constantFrom(...keys), hostileValue, fc.boolean(), (key, value, remove) => {
        const record: Record<string, unknown> = JSON.parse(JSON.stringify(real));
        if (remove) delete record[key];
        else record[key] = value;
        const problem = checkJobRecord(record, spec);
        if (problem === undefined) {
          expect(record.label).toBe('backprop');
          expect(record.seed).toBe(1);
        } else expect(typeof problem).toBe('string');
      }),
      { numRuns: 300, seed: 20261208 },
    );
  });

  it('records nobody made: a mutated job payload is taken only within the suite\'s limits', () => {
    const spec = { suite: 's', label: 'dni', seed: 1, trainer: 'dni', options: { generatorInput: 'labels' }, network: { layers: [{ units: 4 }] }, dataset: { name: 'mnist', options: {} }, training: { epochs: 2, batchSize: 10 }, backend: 'cpu', index: 0, total: 1 };
    fc.assert(
      fc.property(fc.constantFrom('seed', 'label', 'training', 'network', 'options', 'dataset'), hostileValue, (key, value) => {
        const problems = checkRunJob({ spec: { ...spec, [key]: value }, plugins: [] }, { concurrency: 1, dataDirs: [] });
        expect(Array.isArray(problems)).toBe(true);
        if (problems.length === 0 && key === 'training') {
          const training = value as { epochs: number };
          expect(training.epochs).toBeLessThanOrEqual(1_000_000);
        }
      }),
      { numRuns: 300, seed: 20261208 },
    );
  });
});
