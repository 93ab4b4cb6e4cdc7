import { appendFileSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { RunRecord } from '../RunRecord.js';
import { ResultsLog } from './ResultsLog.js';

const record = (label: string, seed: number) => ({ label, seed, status: 'completed', history: [] }) as unknown as RunRecord;

describe('ResultsLog', () => {
  it('appends one line per record, in order, even when appends overlap', async () => {
    const log = new ResultsLog(join(mkdtempSync(join(tmpdir(), 'results-')), 'results.jsonl'));
    await Promise.all([log.append(record('a', 1)), log.append(record('b', 1)), log.append(record('c', 1))]);
    expect(readFileSync(log.file, 'utf8').split('\n')).toHaveLength(4);
    expect((await log.read()).map((r) => r.label)).toEqual(['a', 'b', 'c']);
  });

  it('skips a last line cut short by a crash, and names a damaged line elsewhere', async () => {
    const log = new ResultsLog(join(mkdtempSync(join(tmpdir(), 'results-')), 'results.jsonl'));
    await log.append(record('a', 1));
    appendFileSync(log.file, '{"label":"b","se');
    expect((await log.read()).map((r) => r.label)).toEqual(['a']);
    appendFileSync(log.file, '\n{"label":"c","seed":1,"status":"completed","history":[]}\n');
    await expect(log.read()).rejects.toThrow(/results\.jsonl:2: not a run record \(not JSON: .*\)\. The file's 2 other records are intact/);
  });

  it('names where a line stops being JSON, never what it holds (files outside the run folder)', async () => {
    const log = new ResultsLog(join(mkdtempSync(join(tmpdir(), 'results-')), 'results.jsonl'));
    appendFileSync(log.file, 'root:x:0:0:SECRET-HASH\n{"label":"a","seed":1,"status":"completed","history":[]}\n');
    const error = await log.read().catch((e: Error) => e);
    expect(String(error)).toContain('results.jsonl:1: not a run record (not JSON: ');
    expect(String(error)).not.toMatch(/root|SECRET/);
  });

  it('on resume, cuts off a line a crash left unfinished before appending', async () => {
    const log = new ResultsLog(join(mkdtempSync(join(tmpdir(), 'results-')), 'results.jsonl'));
    await log.append(record('a', 1));
    appendFileSync(log.file, '{"label":"b","se');
    const resumed = new ResultsLog(log.file);
    await resumed.touch();
    await resumed.append(record('b', 1));
    await resumed.append(record('c', 1));
    expect((await resumed.read()).map((r) => r.label)).toEqual(['a', 'b', 'c']);
  });

  it('reads a missing file as no records', async () => {
    expect(await new ResultsLog(join(tmpdir(), 'does-not-exist', 'results.jsonl')).read()).toEqual([]);
  });

  it.each([
    ['null', 'expected a JSON object, got null'],
    ['garbage', 'not JSON'],
    ['[1, 2]', 'expected a JSON object, got an array'],
    ['{"label":"x","seed":"1","status":"completed","history":[]}', 'its "seed" is not an integer'],
    ['{"label":"x","seed":1,"status":"done","history":[]}', 'its "status" is not'],
    ['{"label":"x","seed":1,"status":"completed","history":[null]}', 'its "history" holds something other than epoch records'],
  ])('refuses a damaged line %s in the middle, naming its number, and changes nothing', async (bad, reason) => {
    const log = new ResultsLog(join(mkdtempSync(join(tmpdir(), 'results-')), 'results.jsonl'));
    await log.append(record('a', 1));
    appendFileSync(log.file, `${bad}\n`);
    await log.append(record('b', 1));
    const before = readFileSync(log.file, 'utf8');
    await expect(log.touch()).resolves.toBeUndefined();
    await expect(log.read()).rejects.toThrow(`results.jsonl:2: not a run record (${reason}`);
    expect(readFileSync(log.file, 'utf8')).toBe(before);
  });

  it('cuts off a last line cut short but ending in a newline before appending, so the file stays readable', async () => {
    const log = new ResultsLog(join(mkdtempSync(join(tmpdir(), 'results-')), 'results.jsonl'));
    await log.append(record('a', 1));
    appendFileSync(log.file, '{"label":"b","se\n');
    expect(await log.touch()).toMatch(/cut off line 2 \(not JSON: .*\), left by an interrupted write/);
    await log.append(record('b', 1));
    expect((await log.read()).map((r) => r.label)).toEqual(['a', 'b']);
  });
});
