import { SynthgradError } from '@synthgrad/core';

/** A data file (CSV, `.npy`) that cannot be read as a table of numbers; the message starts with the file. */
export class DataFormatError extends SynthgradError {
  override name = 'DataFormatError';
  constructor(
    /** The file (or other source) the data came from. */
    readonly source: string,
    message: string,
  ) {
    super(`${source}: ${message}`);
  }
}
