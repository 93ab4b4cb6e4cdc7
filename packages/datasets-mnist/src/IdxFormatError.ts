import { SynthgradError } from '@synthgrad/core';

/** Bytes that are not a valid (or not a supported) IDX file; the message starts with the file. */
export class IdxFormatError extends SynthgradError {
  override name = 'IdxFormatError';
  constructor(
    /** The file (or other source) the bytes came from. */
    readonly source: string,
    message: string,
  ) {
    super(`${source}: ${message}`);
  }
}
