import { constants } from 'node:fs';
import { CliError } from '../cli/CliError.js';
import type { RunRecord } from '../RunRecord.js';
import { describeRecordProblem } from './describeRecordProblem.js';
import { openRegularFile, readRegularFile } from './openRegularFile.js';

/** The largest results.jsonl read: well above 10,000 runs of 1,000 epochs, below what one string holds. */
export const MAX_RESULTS_BYTES = 512 * 1024 * 1024;

/** One line of the file as read: a record, or why it is not one. */
type Line = { number: number; start: number; record?: RunRecord; problem?: string };

/**
 * `results.jsonl` of a run folder: one finished run per line, each written and fsynced as it finishes.
 * It is only ever a regular file of the folder: a symbolic link, FIFO or device in its place is
 * refused (see {@link openRegularFile}), and a line that is not a record is named by its number,
 * never echoed.
 */
export class ResultsLog {
  #queue: Promise<void> = Promise.resolve();

  constructor(readonly file: string) {}

  /** Appends one record and fsyncs it; appends are serialised, so lines never interleave. */
  append(record: RunRecord): Promise<void> {
    const line = `${JSON.stringify(record)}\n`;
    const write = this.#queue.then(async () => {
      const handle = await openRegularFile(this.file, constants.O_WRONLY | constants.O_APPEND | constants.O_CREAT);
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
   * unfinished — without its newline, or ending in one but not a whole record — so the next append
   * starts a line of its own and the file stays readable. That run is simply done again. Returns
   * what was cut off, for the user (undefined when nothing was). A damaged line before the last
   * is refused by {@link read}, never removed.
   */
  async touch(): Promise<string | undefined> {
    await (await openRegularFile(this.file, constants.O_WRONLY | constants.O_APPEND | constants.O_CREAT)).close();
    const text = await readRegularFile(this.file, MAX_RESULTS_BYTES);
    const lines = this.#lines(text.toString('utf8'));
    const last = lines[lines.length - 1];
    let cut: number | undefined;
    let why: string | undefined;
    if (last?.problem) {
      cut = Buffer.byteLength(text.toString('utf8').slice(0, last.start));
      why = `line ${last.number} (${last.problem})`;
    } else if (text.length > 0 && text[text.length - 1] !== 0x0a) {
      cut = text.lastIndexOf(0x0a) + 1;
      why = 'an unfinished last line';
    }
    if (cut === undefined) return undefined;
    const handle = await openRegularFile(this.file, constants.O_WRONLY);
    try {
      await handle.truncate(cut);
    } finally {
      await handle.close();
    }
    return `${this.file}: cut off ${why}, left by an interrupted write; that run will be done again`;
  }

  /**
   * Every record in the file, in order. A last line cut short by a crash mid-write is skipped (the
   * run will be redone); a damaged line elsewhere is refused with a {@link CliError} naming its
   * line number: the records around it are intact and nothing is changed.
   */
  async read(): Promise<RunRecord[]> {
    let text: string;
    try {
      text = (await readRegularFile(this.file, MAX_RESULTS_BYTES)).toString('utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
      if (error instanceof CliError) throw error;
      throw new CliError(`cannot read "${this.file}": ${(error as Error).message}`);
    }
    const lines = this.#lines(text);
    const damaged = lines.slice(0, -1).find((line) => line.problem);
    if (damaged) {
      const intact = lines.filter((line) => line.record).length;
      throw new CliError(
        `${this.file}:${damaged.number}: not a run record (${damaged.problem}). The file's ${intact} other records are intact and ` +
          'nothing was changed: fix or delete that line (that run is then done again), and give --resume again.',
      );
    }
    return lines.flatMap((line) => (line.record ? [line.record] : []));
  }

  /** The non-blank lines, each parsed (or with the reason it is not a record). */
  #lines(text: string): Line[] {
    const lines: Line[] = [];
    let start = 0;
    text.split('\n').forEach((raw, i) => {
      const line: Line = { number: i + 1, start };
      start += raw.length + 1;
      if (raw.trim() === '') return;
      let value: unknown;
      try {
        value = JSON.parse(raw);
      } catch (error) {
        // JSON.parse quotes the text it read; name where it broke, never what the line holds.
        const { message } = error as Error;
        const at = /position (\d+)/.exec(message)?.[1];
        const where = at !== undefined ? `broken at character ${Number(at) + 1}` : /end of JSON/.test(message) ? 'it ends too early' : 'it does not start a JSON value';
        lines.push({ ...line, problem: `not JSON: ${where}` });
        return;
      }
      const problem = describeRecordProblem(value);
      lines.push(problem ? { ...line, problem } : { ...line, record: value as RunRecord });
    });
    return lines;
  }
}
