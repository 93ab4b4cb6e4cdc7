import { appendFile, open, readFile, truncate } from 'node:fs/promises';
import type { RunRecord } from '../RunRecord.js';

/** `results.jsonl` of a run folder: one finished run per line, each written and fsynced as it finishes. */
export class ResultsLog {
  #queue: Promise<void> = Promise.resolve();

  constructor(readonly file: string) {}

  /** Appends one record and fsyncs it; appends are serialised, so lines never interleave. */
  append(record: RunRecord): Promise<void> {
    const line = `${JSON.stringify(record)}\n`;
    const write = this.#queue.then(async () => {
      const handle = await open(this.file, 'a');
      try {
        await handle.appendFile(line);
        await handle.sync();
      } finally {
        await handle.close();
      }
    });
    this.#queue = write.catch(() => {});
    return write;
  }

  /**
   * Creates the file (empty) if it does not exist yet, and cuts off a last line that a crash left
   * without its newline, so the next append starts a line of its own instead of gluing onto it.
   */
  async touch(): Promise<void> {
    await appendFile(this.file, '');
    const text = await readFile(this.file);
    if (text.length > 0 && text[text.length - 1] !== 0x0a) await truncate(this.file, text.lastIndexOf(0x0a) + 1);
  }

  /**
   * Every record in the file, in order. A last line cut short by a crash mid-write is skipped (the
   * run will be redone); a damaged line elsewhere is an error naming it.
   */
  async read(): Promise<RunRecord[]> {
    let text: string;
    try {
      text = await readFile(this.file, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw error;
    }
    const lines = text.split('\n');
    const records: RunRecord[] = [];
    lines.forEach((line, i) => {
      if (line.trim() === '') return;
      try {
        records.push(JSON.parse(line) as RunRecord);
      } catch (error) {
        const isLast = lines.slice(i + 1).every((l) => l.trim() === '');
        if (!isLast) throw new Error(`${this.file}:${i + 1}: not a JSON record: ${(error as Error).message}`);
      }
    });
    return records;
  }
}
