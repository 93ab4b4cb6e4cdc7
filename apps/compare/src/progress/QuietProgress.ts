import type { ProgressReporter } from './ProgressReporter.js';

/** `--quiet`: no progress; warnings still reach `write`. */
export class QuietProgress implements ProgressReporter {
  constructor(private readonly write: (line: string) => void) {}
  update(): void {}
  finished(): void {}
  log(line: string): void {
    this.write(line);
  }
  stop(): void {}
}
