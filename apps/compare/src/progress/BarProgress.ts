import { MultiBar, Presets, type SingleBar } from 'cli-progress';
import type { RunRecord } from '../RunRecord.js';
import type { ProgressMessage } from '../run/ProgressMessage.js';
import type { RunSpec } from '../run/RunSpec.js';
import { describeOutcome, formatMetrics, runName } from './describeRun.js';
import type { ProgressReporter } from './ProgressReporter.js';
import { extremes } from '../report/extremes.js';

/**
 * Progress bars for a terminal: one for the whole suite, and one per run while it trains
 * (label, seed, epoch x/N, test accuracy so far); a finished run's bar becomes a line above them.
 */
export class BarProgress implements ProgressReporter {
  readonly #multibar: MultiBar;
  readonly #overall: SingleBar;
  readonly #bars = new Map<number, { bar: SingleBar; status: string }>();
  readonly #finished = new Set<number>();
  readonly #nameWidth: number;
  #done: number;

  constructor(
    readonly total: number,
    alreadyDone: number,
    runs: readonly RunSpec[],
    stream: NodeJS.WriteStream = process.stderr,
  ) {
    this.#done = alreadyDone;
    this.#nameWidth = Math.max(8, extremes(runs.map((r) => runName(r).length)).max);
    this.#multibar = new MultiBar(
      {
        format: '{name} |{bar}| {status}',
        barsize: 24,
        hideCursor: true,
        clearOnComplete: false,
        stopOnComplete: false,
        autopadding: true,
        stream,
        fps: 5,
      },
      Presets.shades_classic,
    );
    this.#overall = this.#multibar.create(total, alreadyDone, {
      name: 'all runs'.padEnd(this.#nameWidth),
      status: this.#overallStatus(),
    });
  }

  update(spec: RunSpec, message: ProgressMessage): void {
    if (this.#finished.has(spec.index)) return;
    const epochs = spec.training.epochs;
    let entry = this.#bars.get(spec.index);
    if (entry === undefined) {
      const status = `epoch 0/${epochs}`;
      entry = { bar: this.#multibar.create(Math.max(epochs, 1), 0, { name: runName(spec).padEnd(this.#nameWidth), status }), status };
      this.#bars.set(spec.index, entry);
    }
    if (message.type === 'epoch') {
      entry.status = `epoch ${message.epochsDone}/${epochs} ${formatMetrics(message.test)}`;
      entry.bar.update(message.epochsDone, { status: entry.status });
    } else if (message.type === 'batch') {
      entry.bar.update(message.epoch + message.batch / message.batches, { status: entry.status });
    }
  }

  finished(spec: RunSpec, record: RunRecord): void {
    this.#finished.add(spec.index);
    const entry = this.#bars.get(spec.index);
    if (entry) this.#multibar.remove(entry.bar);
    this.#bars.delete(spec.index);
    this.#done++;
    this.#multibar.log(`${runName(spec)}: ${describeOutcome(record)}\n`);
    this.#overall.update(this.#done, { status: this.#overallStatus() });
    this.#multibar.update(); // draw now: a log line waits for the next frame, and stop() would drop it
  }

  log(line: string): void {
    this.#multibar.log(`${line}\n`);
  }

  stop(): void {
    this.#multibar.update();
    this.#multibar.stop();
  }

  #overallStatus(): string {
    return `${this.#done}/${this.total} runs done`;
  }
}
