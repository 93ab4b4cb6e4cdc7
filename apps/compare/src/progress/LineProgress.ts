import type { EvaluationMetrics } from 'synthgrad';
import type { RunRecord } from '../RunRecord.js';
import type { ProgressMessage } from '../run/ProgressMessage.js';
import type { RunSpec } from '../run/RunSpec.js';
import { describeOutcome, formatMetrics, runName } from './describeRun.js';
import type { ProgressReporter } from './ProgressReporter.js';

/**
 * Plain progress lines for logs, CI and pipes: one when a run starts and ends, and in between at
 * most one per run every `intervalMs`:
 * `[3/21] cDNI (labels) seed 2: epoch 40/100 test exact 0.012 bit 0.551`.
 */
export class LineProgress implements ProgressReporter {
  readonly #lastLine = new Map<number, number>();
  readonly #finished = new Set<number>();
  /** Per run: epochs done and the latest test metrics. */
  readonly #latest = new Map<number, { epochsDone: number; test: EvaluationMetrics | undefined }>();
  #done: number;

  constructor(
    readonly total: number,
    alreadyDone: number,
    private readonly write: (line: string) => void,
    private readonly intervalMs = 5000,
    private readonly now: () => number = Date.now,
  ) {
    this.#done = alreadyDone;
  }

  update(spec: RunSpec, message: ProgressMessage): void {
    if (this.#finished.has(spec.index)) return;
    const epochs = spec.training.epochs;
    if (message.type === 'start') {
      this.#print(spec, `started (${epochs} epochs)`);
      return;
    }
    const latest = this.#latest.get(spec.index) ?? { epochsDone: 0, test: undefined };
    if (message.type === 'epoch') this.#latest.set(spec.index, { epochsDone: message.epochsDone, test: message.test });
    if (this.now() - (this.#lastLine.get(spec.index) ?? -Infinity) < this.intervalMs) return;
    if (message.type === 'epoch') this.#print(spec, `epoch ${message.epochsDone}/${epochs} ${formatMetrics(message.test)}`);
    else {
      const batch = `batch ${message.batch + 1}/${message.batches} of epoch ${message.epoch + 1}`;
      this.#print(spec, `epoch ${latest.epochsDone}/${epochs} (${batch}) ${formatMetrics(latest.test)}`.trimEnd());
    }
  }

  finished(spec: RunSpec, record: RunRecord): void {
    this.#finished.add(spec.index);
    this.#done++;
    this.#print(spec, `${describeOutcome(record)} (${this.#done}/${this.total} runs done)`);
  }

  log(line: string): void {
    this.write(line);
  }

  stop(): void {}

  #print(spec: RunSpec, text: string): void {
    this.#lastLine.set(spec.index, this.now());
    this.write(`${runName(spec)}: ${text}`);
  }
}
